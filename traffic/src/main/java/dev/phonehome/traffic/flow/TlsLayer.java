package dev.phonehome.traffic.flow;

import dev.phonehome.traffic.tls.TlsConnection;
import dev.phonehome.traffic.tls.TlsListener;
import java.nio.ByteBuffer;

/** TLS: decrypts with the key log and sniffs the plaintext again (HTTP, or TLS inside a proxy). */
final class TlsLayer implements StreamLayer, TlsListener {
    private final TlsConnection tls;
    private final ProtocolSniffer plaintext;

    TlsLayer(LayerContext context, Settings settings) {
        this.tls = new TlsConnection(settings.secrets(), this);
        this.plaintext = new ProtocolSniffer(context.insideTls(tls), settings);
        if (context.onTcp()) {
            context.connection().tls(tls);
        }
    }

    @Override
    public void onPlaintext(boolean fromClient, long timestampNanos, ByteBuffer bytes) {
        plaintext.feed(fromClient, timestampNanos, bytes);
    }

    @Override
    public void feed(boolean fromClient, long timestampNanos, ByteBuffer bytes) {
        tls.feed(fromClient, timestampNanos, bytes);
    }

    @Override
    public void gap(boolean fromClient, long missing) {
        tls.gap(fromClient, missing);
    }

    @Override
    public void end() {
        tls.end();
        plaintext.end();
    }
}
