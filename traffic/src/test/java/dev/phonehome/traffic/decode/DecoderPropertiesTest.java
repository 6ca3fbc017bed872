package dev.phonehome.traffic.decode;

import static dev.phonehome.traffic.decode.Payloads.base64;
import static dev.phonehome.traffic.decode.Payloads.gzip;
import static dev.phonehome.traffic.decode.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Hostile and random inputs: decoding never throws, stays within its budget, and still finds what is there. */
class DecoderPropertiesTest {
    private static final String IMEI = "358240051111110";
    private static final DecodeBudget SMALL = new DecodeBudget(4, 64 * 1024, 50);
    private static final Set<String> CODES = Set.of("decode.failed", "decode.budget.depth", "decode.budget.bytes",
            "decode.budget.leaves");

    /** Each encoding a client might stack, with the layers it costs the decoder. */
    enum Encoding {
        BASE64(1) {
            String apply(String s) {
                return base64(utf8(s));
            }
        },
        GZIP_BASE64(2) {
            String apply(String s) {
                return base64(gzip(utf8(s)));
            }
        },
        JSON(1) {
            String apply(String s) {
                return "{\"v\":\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            }
        },
        FORM(1) {
            String apply(String s) {
                return "v=" + URLEncoder.encode(s, StandardCharsets.UTF_8);
            }
        };

        final int layers;

        Encoding(int layers) {
            this.layers = layers;
        }

        abstract String apply(String s);
    }

    @Property(tries = 300)
    void randomBytesNeverThrowAndRespectTheBudget(@ForAll @Size(max = 3000) byte[] body, @ForAll("contentTypes") String type) {
        PayloadDecoder decoder = new PayloadDecoder(Decoders.standard(), SMALL);
        Chunk chunk = new Chunk(body, ValueKind.BYTES, Hints.contentType(type));
        DecodedPayload d = decoder.decode("body", chunk);
        assertThat(decoder.decode("body", chunk)).as("deterministic").isEqualTo(d);
        assertThat(d.values()).hasSizeLessThanOrEqualTo(SMALL.maxLeaves());
        assertThat(d.values()).allSatisfy(v -> assertThat(v.path().split(" > ", -1).length - 1)
                .isLessThanOrEqualTo(SMALL.maxDepth()));
        assertThat(d.problems()).extracting(Problem::code).allMatch(CODES::contains);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("", "application/json", "application/x-www-form-urlencoded", "application/x-protobuf",
                "multipart/form-data; boundary=b", "text/plain");
    }

    @Property(tries = 300)
    void stackedEncodingsAreUnwoundWithinTheDepthBudget(@ForAll @Size(max = 7) List<Encoding> stack) {
        String payload = IMEI;
        for (Encoding e : stack) {
            payload = e.apply(payload);
        }
        DecodedPayload d = Payloads.body(payload);
        int layers = stack.stream().mapToInt(e -> e.layers).sum();
        if (layers <= DecodeBudget.DEFAULT_MAX_DEPTH) {
            assertThat(d.values()).extracting(DecodedValue::value).contains(IMEI);
            assertThat(d.problems()).isEmpty();
        } else {
            assertThat(d.problems()).extracting(Problem::code).contains("decode.budget.depth");
        }
    }

    @Property(tries = 200)
    void base64IsFoundAtEveryAlignment(@ForAll @AlphaChars @StringLength(max = 20) String prefix,
                                       @ForAll @IntRange(min = 0, max = 2) int pad) {
        String text = prefix + "x".repeat(pad) + " imei=" + IMEI + " end";
        DecodedPayload d = Payloads.body("{\"v\":\"" + base64(utf8(text)) + "\"}");
        assertThat(d.at("body > json.v > base64")).map(DecodedValue::value).contains(text);
    }

    @Example
    void everyPrefixOfAGzipProtobufUploadIsSafe() {
        byte[] upload = gzip(new byte[] {0x0a, 0x08, 0x08, 0x01, 0x12, 0x04, 'H', 'o', 'm', 'e', 0x10, 0x05});
        for (int n = 0; n <= upload.length; n++) {
            DecodedPayload d = Payloads.body(Arrays.copyOf(upload, n), "");
            assertThat(d.problems()).extracting(Problem::code).allMatch(CODES::contains);
            if (n == upload.length) {
                assertThat(d.at("body > gzip > pb:1.2")).map(DecodedValue::value).contains("Home");
            }
        }
    }

    @Property(tries = 300)
    void byteFlipsInASensorsUploadNeverThrow(@ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll byte value) {
        byte[] form = utf8("crc=1&gzip=1&data_list=" + URLEncoder.encode(
                base64(gzip(utf8("[{\"distinct_id\":\"" + IMEI + "\",\"properties\":{\"$model\":\"M\"}}]"))),
                StandardCharsets.UTF_8));
        form[where % form.length] = value;
        DecodedPayload d = Payloads.body(form, "application/x-www-form-urlencoded");
        assertThat(d.values()).isNotEmpty();
        assertThat(d.problems()).extracting(Problem::code).allMatch(CODES::contains);
    }
}
