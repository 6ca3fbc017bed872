package dev.phonehome.traffic.flow;

import dev.phonehome.traffic.tls.TlsConnection;
import java.util.Optional;

/**
 * Where a layer sits: its TCP connection, the innermost TLS layer below it (whose facts its
 * exchanges carry), how many layers are below it, and the key its exchange ids derive from.
 */
record LayerContext(ConnectionTracker connection, Optional<TlsConnection> tls, int depth, String key) {
    /** TLS in TLS in a tunnel...: beyond this many layers, bytes are only counted. */
    static final int MAX_DEPTH = 4;

    static LayerContext top(ConnectionTracker connection) {
        return new LayerContext(connection, Optional.empty(), 0, connection.id());
    }

    boolean onTcp() {
        return depth == 0;
    }

    LayerContext insideTls(TlsConnection t) {
        return new LayerContext(connection, Optional.of(t), depth + 1, key + "/tls");
    }

    LayerContext insideTunnel(long openerSequence) {
        return new LayerContext(connection, tls, depth + 1, key + "/tunnel" + openerSequence);
    }
}
