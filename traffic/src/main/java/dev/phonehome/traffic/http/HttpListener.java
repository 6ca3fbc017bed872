package dev.phonehome.traffic.http;

import dev.phonehome.core.Problem;
import java.nio.ByteBuffer;

/** Receives what an {@link HttpConnectionParser} reconstructs, in connection order. */
public interface HttpListener {
    /** A finished (or, at the end, abandoned) exchange. */
    void onExchange(HttpExchange exchange);

    /**
     * Bytes after the connection stopped carrying HTTP: a CONNECT tunnel (typically TLS to run
     * through the TLS layer) or a WebSocket; {@code opener} is the exchange that switched it.
     */
    default void onTunnel(HttpExchange opener, boolean fromClient, long timestampNanos, ByteBuffer bytes) {
    }

    /** Bytes missing from a tunnel's direction. */
    default void onTunnelGap(HttpExchange opener, boolean fromClient, long missing) {
    }

    /** A problem of the connection itself (garbage between messages, HTTP/2 connection errors, gaps). */
    default void onProblem(Problem problem) {
    }
}
