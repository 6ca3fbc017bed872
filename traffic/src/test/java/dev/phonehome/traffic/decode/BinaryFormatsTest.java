package dev.phonehome.traffic.decode;

import static dev.phonehome.traffic.decode.Payloads.base64;
import static dev.phonehome.traffic.decode.Payloads.body;
import static dev.phonehome.traffic.decode.Payloads.gzip;
import static dev.phonehome.traffic.decode.Payloads.paths;
import static dev.phonehome.traffic.decode.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.UnknownFieldSet.Field;
import dev.phonehome.core.Problem;
import dev.phonehome.traffic.http.Header;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Base64, compressions, protobuf and the Sensors Data flags. */
class BinaryFormatsTest {
    private static final String JSON = "{\"model\":\"Mi 10T\"}";

    @ParameterizedTest
    @ValueSource(strings = {"hello", "android", "password", "Internationalization", "ANDROID_ID", "9774d56d682e549c",
            "ABCDEFGHIJKLMNOP", "QUJD=", "e0f556e0-b265-4211-9065-85a622906954", "E0F556E0-B265-4211-9065-85A622906954",
            "k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8"})
    void base64DoesNotFireOnOrdinaryWords(String word) {
        DecodedPayload d = body(word);
        assertThat(d.values()).containsExactly(new DecodedValue("body", word, ValueKind.STRING));
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void base64StandardAndUrlSafeUnpaddedAreOpened() {
        byte[] json = utf8("{\"k\":\"???\"}");
        String standard = base64(json);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        assertThat(standard).contains("/");
        assertThat(urlSafe).contains("_").doesNotContain("=");
        assertThat(paths(body(standard))).containsExactly("body > base64 > json.k");
        assertThat(paths(body(urlSafe))).containsExactly("body > base64url > json.k");
    }

    @Test
    void base64OfAProtobufMessageIsOpened() {
        byte[] message = {0x0a, 0x0b, 'M', '2', '0', '0', '7', 'J', '3', 'S', 'G', '-', 'x', 0x10, (byte) 0x96, 0x01,
            0x18, 0x01, 0x20, 0x02, 0x28, 0x03};
        DecodedPayload d = body(base64(message));
        assertThat(d.values()).startsWith(new DecodedValue("body > base64 > pb:1", "M2007J3SG-x", ValueKind.STRING));
        assertThat(d.at("body > base64 > pb:2")).map(DecodedValue::value).contains("150");
    }

    @Test
    void gzipZlibAndZstdAreFoundByMagic() {
        assertThat(body(gzip(utf8(JSON)), "").values())
                .containsExactly(new DecodedValue("body > gzip > json.model", "Mi 10T", ValueKind.STRING));
        assertThat(paths(body(Payloads.zlib(utf8(JSON)), ""))).containsExactly("body > zlib > json.model");
        assertThat(paths(body(Payloads.zstd(utf8(JSON)), ""))).containsExactly("body > zstd > json.model");
    }

    @Test
    void brotliAndRawDeflateAreOpenedWhenAnnounced() throws Exception {
        byte[] br = Payloads.brotli(utf8(JSON));
        byte[] deflate = Payloads.rawDeflate(utf8(JSON));
        byte[] mp = concat(utf8("--b\r\nContent-Disposition: form-data; name=\"x\"\r\nContent-Encoding: br\r\n\r\n"), br,
                utf8("\r\n--b\r\nContent-Disposition: form-data; name=\"y\"\r\nContent-Encoding: deflate\r\n\r\n"), deflate,
                utf8("\r\n--b--\r\n"));
        assertThat(paths(body(mp, "multipart/form-data; boundary=b")))
                .containsExactly("body > multipart:x > br > json.model", "body > multipart:y > deflate > json.model");
    }

    @Test
    void truncatedGzipIsRecordedAndKeptRaw() {
        byte[] gz = gzip(utf8(JSON.repeat(20)));
        byte[] cut = Arrays.copyOf(gz, gz.length - 12);
        DecodedPayload d = body(cut, "");
        assertThat(d.values()).containsExactly(new DecodedValue("body", HexFormat.of().formatHex(cut), ValueKind.BYTES));
        assertThat(d.problems()).extracting(Problem::code, Problem::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple("decode.failed", "body"));
    }

    @Test
    void gzipBombStopsAtTheByteBudget() {
        byte[] bomb = gzip(new byte[64 << 20]);
        DecodedPayload d = body(bomb, "");
        assertThat(d.values()).extracting(DecodedValue::path).containsExactly("body");
        assertThat(d.problems()).extracting(Problem::code).containsExactly("decode.budget.bytes");
        assertThat(d.complete()).isFalse();
    }

    @Test
    void depthBudgetStopsNestedBase64() {
        String v = JSON;
        for (int i = 0; i < 12; i++) {
            v = base64(utf8(v));
        }
        DecodedPayload d = body(v);
        String eight = "body" + " > base64".repeat(DecodeBudget.DEFAULT_MAX_DEPTH);
        assertThat(paths(d)).containsExactly(eight);
        assertThat(d.problems()).extracting(Problem::code, Problem::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("decode.budget.depth", eight));
    }

    @Test
    void leafBudgetStopsHugeBatches() {
        String many = "[" + "1,".repeat(30_000) + "1]";
        DecodedPayload d = new PayloadDecoder(Decoders.standard(), new DecodeBudget(8, 1 << 20, 100))
                .decode("body", Chunk.text(many, Hints.NONE));
        assertThat(d.values()).hasSize(100);
        assertThat(d.problems()).extracting(Problem::code).containsExactly("decode.budget.leaves");
    }

    @Test
    void protobufBuiltByProtobufJavaIsWalkedToFieldPaths() {
        UnknownFieldSet param = UnknownFieldSet.newBuilder()
                .addField(1, Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("_sn")).build())
                .addField(2, Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("Home")).build())
                .build();
        UnknownFieldSet event = UnknownFieldSet.newBuilder()
                .addField(1, Field.newBuilder().addLengthDelimited(param.toByteString())
                        .addLengthDelimited(param.toByteString()).build())
                .addField(2, Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("screen_view")).build())
                .addField(4, Field.newBuilder().addVarint(1_700_000_000_000L).build())
                .build();
        UnknownFieldSet bundle = UnknownFieldSet.newBuilder()
                .addField(1, Field.newBuilder().addVarint(1).build())
                .addField(2, Field.newBuilder().addLengthDelimited(event.toByteString()).build())
                .addField(5, Field.newBuilder().addFixed32(0xffffffff).addFixed64(7).build())
                .addField(9, Field.newBuilder().addLengthDelimited(ByteString.copyFrom(gzip(utf8("{\"adid\":\"x-1\"}"))))
                        .build())
                .build();
        byte[] batch = UnknownFieldSet.newBuilder()
                .addField(1, Field.newBuilder().addLengthDelimited(bundle.toByteString()).build()).build().toByteArray();

        // Firebase's upload to app-measurement.com/a: a gzip'd batch under a form content type.
        DecodedPayload d = new PayloadDecoder().decode("/a",
                List.of(new Header("Content-Type", "application/x-www-form-urlencoded")), gzip(batch));
        assertThat(d.values()).containsExactly(
                new DecodedValue("header:Content-Type", "application/x-www-form-urlencoded", ValueKind.STRING),
                new DecodedValue("body > gzip > pb:1.1", "1", ValueKind.NUMBER),
                new DecodedValue("body > gzip > pb:1.2.1[0].1", "_sn", ValueKind.STRING),
                new DecodedValue("body > gzip > pb:1.2.1[0].2", "Home", ValueKind.STRING),
                new DecodedValue("body > gzip > pb:1.2.1[1].1", "_sn", ValueKind.STRING),
                new DecodedValue("body > gzip > pb:1.2.1[1].2", "Home", ValueKind.STRING),
                new DecodedValue("body > gzip > pb:1.2.2", "screen_view", ValueKind.STRING),
                new DecodedValue("body > gzip > pb:1.2.4", "1700000000000", ValueKind.NUMBER),
                new DecodedValue("body > gzip > pb:1.5[0]", "4294967295", ValueKind.NUMBER),
                new DecodedValue("body > gzip > pb:1.5[1]", "7", ValueKind.NUMBER),
                new DecodedValue("body > gzip > pb:1.9 > gzip > json.adid", "x-1", ValueKind.STRING));
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void protobufWithALyingLengthIsNotAMessage() {
        byte[] lying = {0x0a, 0x7f, 'a', 'b', 0x10, 0x01};
        DecodedPayload guessed = body(lying, "");
        assertThat(guessed.values()).containsExactly(new DecodedValue("body", "0a7f61621001", ValueKind.BYTES));
        assertThat(guessed.problems()).isEmpty();

        DecodedPayload announced = body(lying, "application/x-protobuf");
        assertThat(paths(announced)).containsExactly("body");
        assertThat(announced.problems()).extracting(Problem::code).containsExactly("decode.failed");
    }

    @Test
    void sensorsDataPlainBase64IsOpened() {
        String form = "crc=123&gzip=0&data_list=" + base64(utf8("[{\"event\":\"$AppStart\"}]"));
        assertThat(body(utf8(form), "application/x-www-form-urlencoded").values()).containsExactly(
                new DecodedValue("body > form:crc", "123", ValueKind.STRING),
                new DecodedValue("body > form:gzip", "0", ValueKind.STRING),
                new DecodedValue("body > form:data_list > base64 > json[0].event", "$AppStart", ValueKind.STRING));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9", "13"})
    void sensorsDataEncryptedPayloadStaysOpaque(String flag) {
        byte[] ciphertext = {(byte) 0x8f, 0x11, 0x00, (byte) 0xfe, 0x42, 0x42, 0x01};
        String form = "crc=-5&gzip=" + flag + "&data_list=" + base64(ciphertext).replace("+", "%2B");
        DecodedPayload d = body(utf8(form), "application/x-www-form-urlencoded");
        assertThat(d.values()).contains(new DecodedValue(
                "body > form:data_list > base64 > encrypted-payload(sensorsdata-gzip-" + flag + ")",
                "8f1100fe424201", ValueKind.OPAQUE));
        assertThat(d.problems()).isEmpty();
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
