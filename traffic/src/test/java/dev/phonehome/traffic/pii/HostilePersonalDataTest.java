package dev.phonehome.traffic.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.decode.DecodedValue;
import dev.phonehome.traffic.decode.ValueKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Requests made to exhaust the matcher: millions of matches, inputs that make naive regular
 * expressions backtrack, random binary. Each finishes quickly within a 256 MiB heap (this class
 * runs with -Xmx256m) and keeps at most {@link PersonalDataMatcher#MAX_HITS} hits.
 */
class HostilePersonalDataTest {
    private static final Duration QUICK = Duration.ofSeconds(30);
    private static final int MIB = 1 << 20;

    private static ExchangePersonalData find(String value) {
        return find(() -> new DecodedPayload(List.of(new DecodedValue("body", value, ValueKind.STRING)), List.of(),
                List.of()), value.getBytes(StandardCharsets.UTF_8));
    }

    private static ExchangePersonalData find(Supplier<DecodedPayload> payload, byte[] raw) {
        return assertTimeoutPreemptively(QUICK, () -> Requests.MATCHER.find("h", payload.get(), raw));
    }

    private static String repeat(String unit, int bytes) {
        return unit.repeat(bytes / unit.length());
    }

    @Test
    void aValueRepeatedMillionsOfTimesIsOneHitPerForm() {
        ExchangePersonalData found = find(repeat("my-canary-string ", 8 * MIB));
        assertThat(found.hits()).hasSize(1).first().satisfies(h -> {
            assertThat(h.offset()).isZero();
            assertThat(h.profileKey()).contains("honey[0]");
        });
        assertThat(found.problems()).isEmpty();
    }

    @Test
    void millionsOfDistinctTypedMatchesAreCapped() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 8 * MIB; i++) {
            text.append("u").append(i).append("@example.net ");
        }
        ExchangePersonalData found = find(text.toString());
        assertThat(found.hits()).hasSize(PersonalDataMatcher.MAX_HITS);
        assertThat(found.problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("pii.hits-truncated"));
    }

    @Test
    void inputsThatMakeRegularExpressionsBacktrack() {
        for (String unit : List.of("a@", "a.", "aa:", "0.", "+1 ", "1,", "a@b.", "-0.0000", "00:11-")) {
            ExchangePersonalData found = find(repeat(unit, MIB));
            assertThat(found.hits()).as(unit).hasSizeLessThanOrEqualTo(PersonalDataMatcher.MAX_HITS);
        }
        assertThat(find("a".repeat(4 * MIB) + "@").hits()).isEmpty();
        assertThat(find("1".repeat(4 * MIB)).hits()).isEmpty();
    }

    @Test
    void randomBinaryInLeavesAndRawBytes() {
        byte[] junk = new byte[4 * MIB];
        new Random(7).nextBytes(junk);
        String hex = HexFormat.of().formatHex(junk);
        ExchangePersonalData found = find(() -> new DecodedPayload(List.of(new DecodedValue("body", hex,
                ValueKind.BYTES), new DecodedValue("header:x", "zz-not-hex", ValueKind.BYTES)), List.of(), List.of()), junk);
        assertThat(found.hits()).noneMatch(h -> h.profileKey().isPresent());
    }

    @Test
    void manySmallLeaves() {
        List<DecodedValue> leaves = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            leaves.add(new DecodedValue("body > json[" + i + "].lat", i % 2 == 0 ? "54.69" : "x", ValueKind.NUMBER));
        }
        ExchangePersonalData found = find(() -> new DecodedPayload(leaves, List.of(), List.of()), new byte[0]);
        assertThat(found.hits()).noneMatch(h -> h.profileKey().isPresent());
    }

    @Test
    void hugeCoordinateValuesAreNotParsed() {
        List<DecodedValue> leaves = List.of(new DecodedValue("body > json.lat", "1".repeat(MIB) + ".5", ValueKind.NUMBER),
                new DecodedValue("body > json.lng", "2." + "1".repeat(MIB), ValueKind.NUMBER));
        assertThat(find(() -> new DecodedPayload(leaves, List.of(), List.of()), new byte[0]).hits()).isEmpty();
    }
}
