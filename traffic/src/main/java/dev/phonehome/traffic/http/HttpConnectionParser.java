package dev.phonehome.traffic.http;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * Reconstructs HTTP exchanges from the two byte streams of one connection, fed incrementally in
 * capture order. HTTP/1.x or HTTP/2 is chosen from the ALPN protocol when the caller knows it,
 * otherwise from whether the client opens with the HTTP/2 connection preface; an HTTP/1.1
 * {@code Upgrade: h2c} switches to HTTP/2 midway.
 *
 * <p>Not thread-safe: one parser per connection, fed from one thread.
 */
public final class HttpConnectionParser {
    private final String connectionKey;
    private final HttpLimits limits;
    private final HttpListener listener;
    private final ConnectionMemory memory;
    private final ByteQueue undecidedClient = new ByteQueue();
    private final ByteQueue undecidedServer = new ByteQueue();
    private ConnectionEngine engine;

    /**
     * @param connectionKey names the connection; exchange ids are derived from it
     * @param alpn          the protocol TLS negotiated ({@code "h2"}, {@code "http/1.1"}), empty for cleartext or unknown
     */
    public HttpConnectionParser(String connectionKey, Optional<String> alpn, HttpListener listener) {
        this(connectionKey, alpn, listener, HttpLimits.DEFAULT);
    }

    public HttpConnectionParser(String connectionKey, Optional<String> alpn, HttpListener listener, HttpLimits limits) {
        this.connectionKey = Objects.requireNonNull(connectionKey, "connectionKey");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.memory = new ConnectionMemory(limits.maxConnectionBodyBytes());
        alpn.ifPresent(p -> {
            if (p.equals("h2")) {
                engine = http2(Optional.empty());
            } else if (p.startsWith("http/1")) {
                engine = http1();
            }
        });
    }

    /** Bytes of one direction, in order; {@code bytes} is consumed. */
    public void feed(boolean fromClient, long timestampNanos, ByteBuffer bytes) {
        if (engine == null) {
            (fromClient ? undecidedClient : undecidedServer).append(bytes, timestampNanos);
            // A server talking first (or a silent client) must not make us buffer without bound.
            decide(undecidedServer.size() > limits.maxHeaderSectionBytes());
            return;
        }
        engine.feed(fromClient, timestampNanos, bytes);
    }

    /** {@code missing} bytes of one direction were not captured. */
    public void gap(boolean fromClient, long missing) {
        if (engine == null) {
            decide(true);
        }
        engine.gap(fromClient, missing);
    }

    /** The connection ended: open exchanges are reported with what was seen. */
    public void end() {
        if (engine == null) {
            decide(true);
        }
        engine.end();
    }

    /** Picks HTTP/2 if the client's first bytes are the preface, HTTP/1.x once they cannot be. */
    private void decide(boolean force) {
        byte[] preface = Http2FrameReader.PREFACE;
        int n = Math.min(undecidedClient.size(), preface.length);
        boolean matches = true;
        for (int i = 0; i < n && matches; i++) {
            matches = undecidedClient.at(i) == (preface[i] & 0xFF);
        }
        if (matches && n < preface.length && !force) {
            return;
        }
        engine = matches && n == preface.length ? http2(Optional.empty()) : http1();
        replay(undecidedClient, undecidedServer);
    }

    private void replay(ByteQueue client, ByteQueue server) {
        if (!client.isEmpty()) {
            long ts = client.frontTimestamp();
            engine.feed(true, ts, client.drain());
        }
        if (!server.isEmpty()) {
            long ts = server.frontTimestamp();
            engine.feed(false, ts, server.drain());
        }
    }

    private ConnectionEngine http1() {
        return new Http1Connection(connectionKey, limits, listener, memory, (request, client, server) -> {
            engine = http2(Optional.of(request));
            replay(client, server);
        });
    }

    private ConnectionEngine http2(Optional<ExchangeDraft> upgraded) {
        return new Http2Connection(connectionKey, limits, listener, memory, upgraded);
    }
}
