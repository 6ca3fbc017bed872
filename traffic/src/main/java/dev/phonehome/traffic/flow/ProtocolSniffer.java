package dev.phonehome.traffic.flow;

import dev.phonehome.traffic.tls.TlsConnection;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses a stream's protocol from the client's first bytes, as Wireshark's heuristic
 * dissectors do: a TLS handshake record, an HTTP request line or HTTP/2 preface, or anything
 * else. Bytes that arrive before the choice (a server that speaks first, a client's first byte
 * alone) are kept, bounded by {@link #MAX_PENDING_BYTES}, and replayed in capture order.
 */
final class ProtocolSniffer implements StreamLayer {
    /** Enough for common request methods (WebDAV's included) plus the space, and a TLS record header. */
    static final int SNIFF_BYTES = 16;
    static final int MAX_PENDING_BYTES = 64 * 1024;

    private record Chunk(boolean fromClient, long timestampNanos, byte[] bytes) {
    }

    private final LayerContext context;
    private final Settings settings;
    private final List<Chunk> pending = new ArrayList<>();
    private final byte[] head = new byte[SNIFF_BYTES];
    private int headLength;
    private int pendingBytes;
    private StreamLayer chosen;

    ProtocolSniffer(LayerContext context, Settings settings) {
        this.context = context;
        this.settings = settings;
    }

    @Override
    public void feed(boolean fromClient, long timestampNanos, ByteBuffer bytes) {
        if (chosen != null) {
            chosen.feed(fromClient, timestampNanos, bytes);
            return;
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        pending.add(new Chunk(fromClient, timestampNanos, copy));
        pendingBytes += copy.length;
        if (fromClient) {
            int n = Math.min(copy.length, SNIFF_BYTES - headLength);
            System.arraycopy(copy, 0, head, headLength, n);
            headLength += n;
        }
        if (headLength == SNIFF_BYTES || pendingBytes > MAX_PENDING_BYTES) {
            choose();
        }
    }

    @Override
    public void gap(boolean fromClient, long missing) {
        choose();
        chosen.gap(fromClient, missing);
    }

    @Override
    public void end() {
        choose();
        chosen.end();
    }

    private void choose() {
        if (chosen != null) {
            return;
        }
        ByteBuffer first = ByteBuffer.wrap(head, 0, headLength);
        if (context.depth() < LayerContext.MAX_DEPTH && TlsConnection.looksLikeTls(first)) {
            chosen = new TlsLayer(context, settings);
        } else if (context.depth() < LayerContext.MAX_DEPTH && looksLikeHttp(head, headLength)) {
            chosen = new HttpLayer(context, settings);
        } else {
            chosen = new OpaqueLayer();
        }
        for (Chunk c : pending) {
            chosen.feed(c.fromClient(), c.timestampNanos(), ByteBuffer.wrap(c.bytes()).asReadOnlyBuffer());
        }
        pending.clear();
    }

    /** A request line starts with a method token in capitals followed by a space (the HTTP/2 preface with "PRI "). */
    static boolean looksLikeHttp(byte[] b, int length) {
        int i = 0;
        while (i < length && (b[i] >= 'A' && b[i] <= 'Z' || b[i] == '-' || b[i] == '_')) {
            i++;
        }
        return i > 0 && i < length && b[i] == ' ';
    }
}
