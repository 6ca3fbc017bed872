package dev.phonehome.traffic.decode;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Fixtures built in code: the encodings clients apply, and shortcuts to decode one value. */
final class Payloads {
    private Payloads() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static byte[] gzip(byte[] b) {
        return compress(b, GZIPOutputStream::new);
    }

    static byte[] zlib(byte[] b) {
        return compress(b, DeflaterOutputStream::new);
    }

    static byte[] rawDeflate(byte[] b) {
        return compress(b, out -> new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true)));
    }

    static byte[] zstd(byte[] b) {
        return compress(b, ZstdOutputStream::new);
    }

    /** Brotli has no Java encoder on the classpath; Debian's {@code brotli} (installed by CI) makes it. */
    static byte[] brotli(byte[] b) throws IOException, InterruptedException {
        Path cli = Path.of("/usr/bin/brotli");
        assumeTrue(Files.isExecutable(cli), "Debian package brotli is not installed");
        Process p = new ProcessBuilder(cli.toString(), "-c").start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(b);
        }
        byte[] out = p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException("brotli exited " + p.exitValue());
        }
        return out;
    }

    private interface Wrapper {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] b, Wrapper wrapper) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = wrapper.wrap(out)) {
            z.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static DecodedPayload body(byte[] body, String contentType) {
        return new PayloadDecoder().decode("body", new Chunk(body, ValueKind.BYTES, Hints.contentType(contentType)));
    }

    static DecodedPayload body(String body) {
        return body(utf8(body), "");
    }

    static List<String> paths(DecodedPayload decoded) {
        return decoded.values().stream().map(DecodedValue::path).toList();
    }
}
