package dev.phonehome.traffic.flow;

import dev.phonehome.core.Problem;
import dev.phonehome.traffic.http.HttpConnectionParser;
import dev.phonehome.traffic.http.HttpExchange;
import dev.phonehome.traffic.http.HttpListener;
import dev.phonehome.traffic.tls.TlsConnection;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * HTTP/1.x or HTTP/2 (from the ALPN the TLS layer below negotiated, else from the preface).
 * A CONNECT tunnel's bytes are sniffed again: typically TLS to the real destination.
 */
final class HttpLayer implements StreamLayer, HttpListener {
    private final LayerContext context;
    private final Settings settings;
    private final HttpConnectionParser parser;
    private HttpExchange tunnelOpener;
    private ProtocolSniffer tunnel;

    HttpLayer(LayerContext context, Settings settings) {
        this.context = context;
        this.settings = settings;
        Optional<String> alpn = context.tls().map(TlsConnection::facts).flatMap(f -> f.alpnSelected());
        this.parser = new HttpConnectionParser(context.key(), alpn, this);
        if (context.onTcp()) {
            context.connection().clearTextHttp();
        }
    }

    @Override
    public void feed(boolean fromClient, long timestampNanos, ByteBuffer bytes) {
        parser.feed(fromClient, timestampNanos, bytes.duplicate());
    }

    @Override
    public void gap(boolean fromClient, long missing) {
        parser.gap(fromClient, missing);
    }

    @Override
    public void end() {
        parser.end();
        if (tunnel != null) {
            tunnel.end();
        }
    }

    @Override
    public void onExchange(HttpExchange exchange) {
        context.connection().exchange(exchange, context, settings);
    }

    @Override
    public void onTunnel(HttpExchange opener, boolean fromClient, long timestampNanos, ByteBuffer bytes) {
        tunnelFor(opener).feed(fromClient, timestampNanos, bytes);
    }

    @Override
    public void onTunnelGap(HttpExchange opener, boolean fromClient, long missing) {
        tunnelFor(opener).gap(fromClient, missing);
    }

    @Override
    public void onProblem(Problem problem) {
        context.connection().problem(problem);
    }

    private ProtocolSniffer tunnelFor(HttpExchange opener) {
        if (tunnel == null || !opener.id().equals(tunnelOpener.id())) {
            if (tunnel != null) {
                tunnel.end();
            }
            tunnelOpener = opener;
            tunnel = new ProtocolSniffer(context.insideTunnel(opener.sequence()), settings);
        }
        return tunnel;
    }
}
