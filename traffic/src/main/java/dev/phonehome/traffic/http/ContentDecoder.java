package dev.phonehome.traffic.http;

import dev.phonehome.core.Problem;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Undoes content codings ({@code gzip}, {@code deflate} in its zlib and raw forms, {@code br},
 * {@code zstd}, and stacks such as {@code gzip, br}) under a decompression budget, so a
 * zip-bomb body stops at the limit instead of exhausting memory.
 */
final class ContentDecoder {
    private static final int COPY_BUFFER = 16 * 1024;

    /** A decoded body and the problems met while decoding it. */
    record Decoded(Body body, List<Problem> problems) {
    }

    private ContentDecoder() {
    }

    /**
     * @param wire          the de-chunked body bytes that were kept
     * @param wireLength    how many body bytes the wire carried (may exceed {@code wire.length})
     * @param wireTruncated whether {@code wire} is not the whole body
     * @param codings       the codings in the order they were applied, as sent
     */
    static Decoded decode(byte[] wire, long wireLength, boolean wireTruncated, String codings,
                          HttpLimits limits, String subject) {
        List<Problem> problems = new ArrayList<>();
        List<String> layers = layers(codings);
        if (layers.isEmpty()) {
            return new Decoded(new Body(wire, wireLength, codings, wireTruncated, Optional.empty(), new byte[0]), problems);
        }
        long budget = limits.decodeBudget(wire.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = open(new ByteArrayInputStream(wire), layers)) {
            boolean overBudget = copy(in, out, budget);
            if (overBudget) {
                problems.add(HttpIssue.DECODE_BUDGET.problem(subject,
                        "decoding '" + codings + "' stopped at " + budget + " bytes from " + wire.length + " encoded"));
            }
            return new Decoded(new Body(out.toByteArray(), wireLength, codings, wireTruncated || overBudget,
                    Optional.empty(), new byte[0]), problems);
        } catch (IOException | RuntimeException e) {
            if (wireTruncated) {
                // A cut stream ends mid-block: what was decoded so far is still good evidence.
                return new Decoded(new Body(out.toByteArray(), wireLength, codings, true, Optional.empty(), new byte[0]),
                        problems);
            }
            String why = e.getClass().getSimpleName() + ": " + e.getMessage();
            problems.add(HttpIssue.DECODE_ERROR.problem(subject, "decoding '" + codings + "' failed: " + why));
            return new Decoded(new Body(out.toByteArray(), wireLength, codings, true, Optional.of(why), wire), problems);
        }
    }

    /** Codings to undo, identity removed, lower-cased, in the order they were applied. */
    static List<String> layers(String codings) {
        return layersWithChunked(codings).stream().filter(s -> !s.equals("chunked")).toList();
    }

    /** All codings listed, identity removed, lower-cased. */
    static List<String> layersWithChunked(String codings) {
        return Arrays.stream(codings.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty() && !s.equals("identity"))
                .toList();
    }

    private static InputStream open(InputStream in, List<String> layers) throws IOException {
        InputStream s = in;
        for (int i = layers.size() - 1; i >= 0; i--) {
            s = wrap(s, layers.get(i));
        }
        return s;
    }

    private static InputStream wrap(InputStream in, String coding) throws IOException {
        return switch (coding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(in, COPY_BUFFER);
            case "deflate" -> inflater(in);
            case "br" -> new BrotliInputStream(in);
            case "zstd" -> new ZstdInputStream(in);
            default -> throw new IOException("unsupported coding '" + coding + "'");
        };
    }

    /** RFC 9110 deflate is zlib-wrapped, but many servers send raw deflate: tell them apart by the zlib header check. */
    private static InputStream inflater(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 2);
        int b0 = p.read();
        int b1 = p.read();
        if (b1 >= 0) {
            p.unread(b1);
        }
        if (b0 >= 0) {
            p.unread(b0);
        }
        boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0F) == 8 && ((b0 << 8) | b1) % 31 == 0;
        return new InflaterInputStream(p, new Inflater(!zlib), COPY_BUFFER);
    }

    /** Copies at most {@code budget} bytes; true if more output was available. */
    private static boolean copy(InputStream in, ByteArrayOutputStream out, long budget) throws IOException {
        byte[] buf = new byte[COPY_BUFFER];
        long total = 0;
        while (true) {
            int want = (int) Math.min(buf.length, budget - total);
            if (want == 0) {
                return in.read() >= 0;
            }
            int n = in.read(buf, 0, want);
            if (n < 0) {
                return false;
            }
            out.write(buf, 0, n);
            total += n;
        }
    }
}
