package dev.phonehome.traffic.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A scripted connection: segments of client and server bytes in capture order, replayed into a
 * parser whole, one byte at a time, or cut at random points, so tests can demand identical results.
 */
final class Conversation {
    private record Segment(boolean fromClient, byte[] bytes, long gap) {
    }

    private final List<Segment> segments = new ArrayList<>();
    private Optional<String> alpn = Optional.empty();
    private HttpLimits limits = HttpLimits.DEFAULT;

    Conversation client(String ascii) {
        return client(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    Conversation server(String ascii) {
        return server(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    Conversation client(byte[] bytes) {
        segments.add(new Segment(true, bytes, 0));
        return this;
    }

    Conversation server(byte[] bytes) {
        segments.add(new Segment(false, bytes, 0));
        return this;
    }

    Conversation gap(boolean fromClient, long missing) {
        segments.add(new Segment(fromClient, new byte[0], missing));
        return this;
    }

    Conversation alpn(String protocol) {
        alpn = Optional.of(protocol);
        return this;
    }

    Conversation limits(HttpLimits l) {
        limits = l;
        return this;
    }

    /** Fed one segment per call. */
    Recorder whole() {
        return run(null, 0);
    }

    Recorder byteByByte() {
        return run(null, 1);
    }

    /** Each segment cut at random points chosen by {@code seed}. */
    Recorder randomSplits(long seed) {
        return run(new Random(seed), 0);
    }

    private Recorder run(Random random, int fixed) {
        Recorder r = new Recorder();
        HttpConnectionParser p = new HttpConnectionParser("conn-1", alpn, r, limits);
        long ts = 1_000;
        for (Segment s : segments) {
            ts += 1_000;
            if (s.gap > 0) {
                p.gap(s.fromClient, s.gap);
                continue;
            }
            int i = 0;
            while (i < s.bytes.length) {
                int n = fixed > 0 ? fixed : random == null ? s.bytes.length : 1 + random.nextInt(Math.min(64, s.bytes.length - i));
                n = Math.min(n, s.bytes.length - i);
                p.feed(s.fromClient, ts, ByteBuffer.wrap(s.bytes, i, n).slice());
                i += n;
            }
        }
        p.end();
        return r;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }
}
