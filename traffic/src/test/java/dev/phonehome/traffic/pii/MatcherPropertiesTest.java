package dev.phonehome.traffic.pii;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.device.DeviceProfiles;
import dev.phonehome.core.device.Placeholders;
import dev.phonehome.traffic.decode.DecodedPayload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random values hidden at random offsets of random text, hashed or inside longer base64 text, are
 * always found in the form they were written in; random text alone never gives a profile hit.
 */
class MatcherPropertiesTest {
    /** Filler that cannot form the values below by accident often enough to matter. */
    @Provide
    Arbitrary<String> filler() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300);
    }

    @Provide
    Arbitrary<String> value() {
        return Arbitraries.strings().withCharRange('!', '~').withCharRange('\u00c0', '\u00ff')
                .withCharRange('\u4e00', '\u9fa5').ofMinLength(PersonalDataMatcher.MIN_VALUE_LENGTH)
                .ofMaxLength(40).filter(v -> !v.contains("\"") && !v.contains("\\") && !Placeholders.isPlaceholder(v));
    }

    @Provide
    Arbitrary<String> digest() {
        return Arbitraries.of("md5-hex", "md5-hex-upper", "md5-base64", "sha1-hex", "sha1-hex-upper", "sha1-base64",
                "sha256-hex", "sha256-hex-upper", "sha256-base64");
    }

    private static PersonalDataMatcher honey(String value) {
        return PersonalDataMatcher.of(DeviceProfiles.parse("p.yaml", "honey: [\"" + value + "\"]\n"));
    }

    private static List<PersonalDataHit> profileHits(PersonalDataMatcher m, String raw) {
        return m.find("p", new DecodedPayload(List.of(), List.of(), List.of()),
                raw.getBytes(StandardCharsets.UTF_8)).hits().stream().filter(h -> h.profileKey().isPresent()).toList();
    }

    @Property(tries = 300)
    void digestsAreFoundWhereTheyWereWritten(@ForAll("value") String value, @ForAll("digest") String form,
                                             @ForAll("filler") String before, @ForAll("filler") String after)
            throws Exception {
        String[] parts = form.split("-", 2);
        String algorithm = switch (parts[0]) {
            case "md5" -> "MD5";
            case "sha1" -> "SHA-1";
            default -> "SHA-256";
        };
        byte[] d = MessageDigest.getInstance(algorithm).digest(value.getBytes(StandardCharsets.UTF_8));
        String text = switch (parts[1]) {
            case "hex" -> HexFormat.of().formatHex(d);
            case "hex-upper" -> HexFormat.of().formatHex(d).toUpperCase(Locale.ROOT);
            default -> Base64.getEncoder().encodeToString(d);
        };
        int offset = before.getBytes(StandardCharsets.UTF_8).length;
        assertThat(profileHits(honey(value), before + text + after))
                .anySatisfy(h -> {
                    assertThat(h.form()).isEqualTo(form);
                    assertThat(h.offset()).isEqualTo(offset);
                    assertThat(h.matched()).isEqualTo(text);
                    assertThat(h.profileKey()).contains("honey[0]");
                });
    }

    @Property(tries = 300)
    void base64AtAnyAlignmentIsFound(@ForAll("value") String value, @ForAll("filler") String inner,
                                     @ForAll("filler") String innerAfter, @ForAll("filler") String outer,
                                     @ForAll boolean urlSafe) {
        byte[] plain = (inner + value + innerAfter).getBytes(StandardCharsets.UTF_8);
        Base64.Encoder encoder = urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder();
        String encoded = encoder.encodeToString(plain);
        int shift = inner.getBytes(StandardCharsets.UTF_8).length % 3;
        String base = shift == 0 ? "" : "-shift-" + shift;
        String fragment = DerivedForms.base64Fragment(value.getBytes(StandardCharsets.UTF_8), shift);
        boolean differs = !fragment.equals(fragment.replace('+', '-').replace('/', '_'));
        String expected = (urlSafe && differs ? "base64url" : "base64") + base;
        assertThat(profileHits(honey(value), outer + " " + encoded + " " + outer))
                .extracting(PersonalDataHit::form).contains(expected);
    }

    @Property(tries = 300)
    void randomTextHoldsNoProfileValue(@ForAll("filler") String text, @ForAll @IntRange(max = 20) int repeat) {
        String raw = text.repeat(repeat + 1);
        assertThat(profileHits(Requests.MATCHER, raw)).isEmpty();
        assertThat(Requests.MATCHER.find("p", Requests.json("{\"t\":\"" + text.replace("\\", "").replace("\"", "")
                + "\"}"), new byte[0]).hits()).noneMatch(h -> h.profileKey().isPresent());
    }
}
