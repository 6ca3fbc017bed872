package dev.phonehome.traffic.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import dev.phonehome.testkit.sample.SampleCapture;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import dev.phonehome.traffic.flow.TrafficConnection;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.flow.TrafficReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample capture with bytes flipped and cut off, read under a 256 MiB heap: every damaged
 * file still gives a report, damage is reported as coded problems, and no exchange appears that
 * the intact capture does not have (authenticated decryption delivers no garbage).
 */
class MutatedSampleCaptureTest {
    /** Past the section header, interface and secrets blocks, so mutations hit packets. */
    private static final int FIRST_PACKET_BLOCK = 1_500;
    private static final int ROUNDS = 100;
    @TempDir
    static Path dir;
    static byte[] intact;
    static Set<String> intactRequests;

    @BeforeAll
    static void generate() throws Exception {
        SampleCapture.write(dir);
        Path capture = dir.resolve(SampleCapture.CAPTURE);
        intact = Files.readAllBytes(capture);
        intactRequests = requests(new TrafficAnalyzer().report(capture, KeyLog.empty()));
    }

    @Test
    void flippedBytesNeverInventExchanges() throws Exception {
        Random random = new Random(20260302);
        int noticed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] damaged = intact.clone();
            for (int flips = 1 + random.nextInt(6); flips > 0; flips--) {
                int at = FIRST_PACKET_BLOCK + random.nextInt(damaged.length - FIRST_PACKET_BLOCK);
                damaged[at] ^= (byte) (1 << random.nextInt(8));
            }
            TrafficReport report = analyze(damaged, "flip" + round);
            assertThat(intactRequests).as("round %d", round).containsAll(requests(report));
            List<String> codes = codes(report);
            assertThat(codes).allMatch(c -> c.matches("[a-z0-9]+([._-][a-z0-9]+)*"));
            if (!codes.isEmpty() || requests(report).size() < intactRequests.size()) {
                noticed++;
            }
        }
        // Flips in fields nobody checks (IP identification, TCP window) go unnoticed; most hit records.
        assertThat(noticed).isGreaterThan(ROUNDS / 2);
    }

    @Test
    void truncatedCapturesKeepTheExchangesBeforeTheCut() throws Exception {
        int previous = 0;
        for (int length = FIRST_PACKET_BLOCK; length <= intact.length; length += intact.length / 60) {
            byte[] cut = Arrays.copyOf(intact, length);
            TrafficReport report = analyze(cut, "cut" + length);
            assertThat(intactRequests).containsAll(requests(report));
            assertThat(report.exchanges().size()).as("cut at %d", length).isGreaterThanOrEqualTo(previous);
            previous = report.exchanges().size();
        }
        assertThat(previous).isGreaterThanOrEqualTo(4);
    }

    private static TrafficReport analyze(byte[] capture, String name) throws Exception {
        Path file = dir.resolve(name + ".pcapng");
        Files.write(file, capture);
        try {
            return new TrafficAnalyzer().report(file, KeyLog.empty());
        } finally {
            Files.delete(file);
        }
    }

    private static Set<String> requests(TrafficReport report) {
        return report.exchanges().stream().map(MutatedSampleCaptureTest::request).collect(Collectors.toSet());
    }

    private static String request(TrafficExchange e) {
        return e.method() + " " + e.url() + " " + e.requestBody().map(b -> b.text()).orElse("");
    }

    private static List<String> codes(TrafficReport report) {
        List<Problem> all = new ArrayList<>(report.problems());
        report.connections().stream().map(TrafficConnection::problems).forEach(all::addAll);
        report.exchanges().stream().map(TrafficExchange::problems).forEach(all::addAll);
        return Stream.of(all).flatMap(List::stream).map(Problem::code).toList();
    }
}
