package dev.phonehome.traffic.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import dev.phonehome.testkit.capture.CaptureWriter;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ContentDecoderTest {
    private static final byte[] TEXT = "{\"imei\":\"358240051111110\",\"events\":[1,2,3]}".repeat(20)
            .getBytes(StandardCharsets.UTF_8);

    static byte[] deflate(byte[] plain, boolean raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            d.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zstd(byte[] plain) {
        ZstdCompressor c = new ZstdCompressor();
        byte[] out = new byte[c.maxCompressedLength(plain.length)];
        int n = c.compress(plain, 0, plain.length, out, 0, out.length);
        return Arrays.copyOf(out, n);
    }

    private static ContentDecoder.Decoded decode(byte[] wire, String codings) {
        return ContentDecoder.decode(wire, wire.length, false, codings, HttpLimits.DEFAULT, "x");
    }

    @Test
    void gzipDeflateZlibDeflateRawAndZstdDecode() {
        assertThat(decode(CaptureWriter.gzip(TEXT), "gzip").body().bytes()).isEqualTo(TEXT);
        assertThat(decode(CaptureWriter.gzip(TEXT), "x-gzip").body().bytes()).isEqualTo(TEXT);
        assertThat(decode(deflate(TEXT, false), "deflate").body().bytes()).isEqualTo(TEXT);
        assertThat(decode(deflate(TEXT, true), "deflate").body().bytes()).isEqualTo(TEXT);
        assertThat(decode(zstd(TEXT), "zstd").body().bytes()).isEqualTo(TEXT);
    }

    @Test
    void stackedCodingsAreUndoneInReverseOrder() {
        byte[] wire = zstd(CaptureWriter.gzip(TEXT));
        ContentDecoder.Decoded d = decode(wire, "gzip, zstd");
        assertThat(d.body().bytes()).isEqualTo(TEXT);
        assertThat(d.body().contentEncoding()).isEqualTo("gzip, zstd");
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void identityIsNotACoding() {
        ContentDecoder.Decoded d = decode(TEXT, "identity");
        assertThat(d.body().bytes()).isEqualTo(TEXT);
        assertThat(d.body().truncated()).isFalse();
    }

    @Test
    void corruptGzipKeepsTheEncodedBytesAndRecordsTheError() {
        byte[] bad = CaptureWriter.gzip(TEXT);
        bad[bad.length / 2] ^= 0x55;
        bad[bad.length / 2 + 1] ^= 0x55;
        ContentDecoder.Decoded d = decode(bad, "gzip");
        assertThat(d.body().decodeError()).isPresent();
        assertThat(d.body().encoded()).isEqualTo(bad);
        assertThat(d.problems()).extracting(Problem::code).containsExactly("http.body.decode_error");
    }

    @Test
    void unknownCodingIsADecodeError() {
        ContentDecoder.Decoded d = decode(TEXT, "compress");
        assertThat(d.body().decodeError()).hasValueSatisfying(v -> assertThat(v).contains("compress"));
        assertThat(d.body().encoded()).isEqualTo(TEXT);
    }

    @Test
    void gzipBombOfOneGibibyteStopsAtTheBudget() {
        byte[] bomb = GzipBomb.oneGibibyte();
        ContentDecoder.Decoded d = decode(bomb, "gzip");
        assertThat(d.body().bytes().length).isEqualTo(HttpLimits.DEFAULT.maxDecodedBytes());
        assertThat(d.body().truncated()).isTrue();
        assertThat(d.problems()).extracting(Problem::code).containsExactly("http.body.decode_budget");
    }

    @Test
    void ratioLimitAppliesToSmallBodies() {
        HttpLimits tight = new HttpLimits(65536, 100, 4096, 1 << 20, 1 << 30, 10, 65536, 100, 100, 1 << 26);
        byte[] wire = CaptureWriter.gzip(new byte[5 * 1024 * 1024]);
        ContentDecoder.Decoded d = ContentDecoder.decode(wire, wire.length, false, "gzip", tight, "x");
        assertThat(d.body().bytes().length).isEqualTo(1024 * 1024);
        assertThat(d.body().truncated()).isTrue();
    }

    @Test
    void cutStreamKeepsWhatDecodedWithoutCallingItAnError() {
        byte[] full = CaptureWriter.gzip(TEXT);
        byte[] cut = Arrays.copyOf(full, full.length / 2);
        ContentDecoder.Decoded d = ContentDecoder.decode(cut, full.length, true, "gzip", HttpLimits.DEFAULT, "x");
        assertThat(d.body().truncated()).isTrue();
        assertThat(d.body().decodeError()).isEmpty();
        assertThat(TEXT).startsWith(d.body().bytes());
    }

    @Property(tries = 200)
    void randomBytesNeverThrow(@ForAll byte[] wire, @ForAll("codings") String codings) {
        ContentDecoder.Decoded d = decode(wire, codings);
        assertThat(d.body().bytes().length).isLessThanOrEqualTo(HttpLimits.DEFAULT.maxDecodedBytes());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> codings() {
        return net.jqwik.api.Arbitraries.of("gzip", "deflate", "br", "zstd", "gzip, br", "br, zstd", "deflate, gzip");
    }
}
