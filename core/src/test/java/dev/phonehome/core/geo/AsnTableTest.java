package dev.phonehome.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AsnTableTest {
    static final String V4 = """
            1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."
            8.219.0.0,8.219.255.255,45102,"Alibaba (US) Technology Co., Ltd."
            8.8.8.0,8.8.8.255,15169,Google LLC
            9.9.9.0,9.9.9.255,19281,"Quad9 \"\"anycast\"\""
            """;
    static final String V6 = """
            2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC
            2a00:1450::,2a00:1450:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC
            """;

    static byte[] table(String... csvs) throws IOException {
        AsnTableWriter writer = new AsnTableWriter();
        for (String csv : csvs) {
            writer.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        return out.toByteArray();
    }

    private static Optional<AsInfo> lookup(AsnTable table, String ip) {
        return table.lookup(IpLiteral.parse(ip).orElseThrow());
    }

    @Test
    void findsTheRangeOfEachAddressInBothFamilies() throws Exception {
        AsnTable table = AsnTable.of(table(V4, V6));
        assertThat(table.ranges()).isEqualTo(6);
        assertThat(lookup(table, "8.219.1.2")).hasValue(new AsInfo(45102, "Alibaba (US) Technology Co., Ltd."));
        assertThat(lookup(table, "8.8.8.8")).hasValue(new AsInfo(15169, "Google LLC"));
        assertThat(lookup(table, "1.0.0.0")).map(AsInfo::asn).hasValue(13335L);
        assertThat(lookup(table, "1.0.0.255")).map(AsInfo::asn).hasValue(13335L);
        assertThat(lookup(table, "9.9.9.9")).map(AsInfo::organisation).hasValue("Quad9 \"anycast\"");
        assertThat(lookup(table, "2a00:1450:4001::1")).map(AsInfo::asn).hasValue(15169L);
        assertThat(lookup(table, "1.0.1.0")).isEmpty();
        assertThat(lookup(table, "0.0.0.1")).isEmpty();
        assertThat(lookup(table, "255.255.255.255")).isEmpty();
        assertThat(lookup(table, "2001:db8::1")).isEmpty();
    }

    @Test
    void badLinesAndOverlapsAreCountedAndLeftOut() throws IOException {
        AsnTableWriter writer = new AsnTableWriter();
        String csv = String.join("\n", "1.0.0.0,1.0.0.255,1,first", "1.0.0.128,1.0.1.0,2,overlaps first",
                "2.0.0.9,2.0.0.1,3,backwards", "3.0.0.0,::1,4,mixed families", "4.0.0.0,4.0.0.255,x,not a number",
                "5.0.0.0,5.0.0.255,99999999999,too large", "6.0.0.0,6.0.0.255,6,\"unclosed", "not a csv line", "",
                "7.0.0.0,7.0.0.255,7," + "x".repeat(AsnTableWriter.MAX_LINE));
        writer.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        AsnTableWriter.Result result = writer.write(new ByteArrayOutputStream());
        assertThat(result.ranges()).isEqualTo(1);
        assertThat(result.skippedLines()).isEqualTo(8);
    }

    /** Against a linear scan of the same ranges, for random disjoint IPv4 ranges and probes. */
    @Property(tries = 200)
    void bisectionAgreesWithALinearScan(@ForAll @Size(max = 40) List<@IntRange(min = 1, max = 5000) Integer> gaps,
                                        @ForAll @Size(max = 40) List<@IntRange(max = 1 << 20) Integer> probes)
            throws Exception {
        StringBuilder csv = new StringBuilder();
        List<long[]> ranges = new ArrayList<>();
        long at = 0;
        for (int gap : gaps) {
            long start = at + gap;
            long end = start + gap / 2;
            ranges.add(new long[] {start, end, gap});
            csv.append(v4(start)).append(',').append(v4(end)).append(',').append(gap).append(",AS").append(gap).append('\n');
            at = end;
        }
        AsnTable table = AsnTable.of(table(csv.toString()));
        for (int probe : probes) {
            Optional<Long> expected = ranges.stream().filter(r -> probe >= r[0] && probe <= r[1]).map(r -> r[2]).findFirst();
            assertThat(table.lookup(InetAddress.getByName(v4(probe))).map(AsInfo::asn)).isEqualTo(expected);
        }
    }

    private static String v4(long n) {
        return (n >> 24 & 255) + "." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }
}
