package dev.phonehome.traffic.flow;

import dev.phonehome.core.Problem;
import dev.phonehome.traffic.net.Datagram;
import dev.phonehome.traffic.net.DnsNames;
import dev.phonehome.traffic.net.Endpoint;
import dev.phonehome.traffic.tls.QuicClientHelloInfo;
import dev.phonehome.traffic.tls.QuicInitial;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * QUIC over UDP: a client's Initial packets are protected with keys anyone can derive, so its
 * ClientHello (server name, ALPN) is read; 1-RTT packets are reported as not decrypted.
 * Flows are keyed by their two endpoints; at most {@link #MAX_FLOWS} are followed.
 */
final class QuicFlows {
    static final int MAX_FLOWS = 10_000;
    private static final int DNS_PORT = 53;
    /** Long header form and fixed bit (RFC 9000 section 17.2). */
    private static final int LONG_HEADER = 0xC0;

    private record Key(Endpoint client, Endpoint server) {
    }

    private static final class Flow {
        final Key key;
        final long startNanos;
        final Optional<String> app;
        final QuicInitial initial = new QuicInitial();
        QuicClientHelloInfo hello;
        long number;
        long lastNanos;
        long fromClient;
        long fromServer;

        Flow(Key key, long startNanos, Optional<String> app) {
            this.key = key;
            this.startNanos = startNanos;
            this.lastNanos = startNanos;
            this.app = app;
        }
    }

    private final Map<Key, Flow> flows = new LinkedHashMap<>();
    private final AppNames apps;
    private long named;
    private boolean overflowReported;

    QuicFlows(AppNames apps) {
        this.apps = apps;
    }

    /** Follows {@code d}; returns a problem the first time the flow limit is hit. */
    Optional<Problem> offer(Datagram d) {
        Flow f = flows.get(new Key(d.source(), d.destination()));
        boolean fromClient = f != null;
        if (f == null) {
            f = flows.get(new Key(d.destination(), d.source()));
        }
        if (f == null) {
            if (!startsQuic(d)) {
                return Optional.empty();
            }
            if (flows.size() >= MAX_FLOWS) {
                if (overflowReported) {
                    return Optional.empty();
                }
                overflowReported = true;
                return Optional.of(new Problem("quic.too-many-flows", d.source() + " -> " + d.destination(),
                        "more than " + MAX_FLOWS + " QUIC flows; later ones are not followed"));
            }
            f = new Flow(new Key(d.source(), d.destination()), d.timestampNanos(), apps.of(d.uid()));
            flows.put(f.key, f);
            fromClient = true;
        }
        int n = d.payload().remaining();
        f.lastNanos = Math.max(f.lastNanos, d.timestampNanos());
        if (fromClient) {
            f.fromClient += n;
            if (f.hello == null) {
                Optional<QuicClientHelloInfo> hello = f.initial.offer(d.payload());
                if (hello.isPresent()) {
                    f.hello = hello.get();
                    f.number = ++named;
                }
            }
        } else {
            f.fromServer += n;
        }
        return Optional.empty();
    }

    private static boolean startsQuic(Datagram d) {
        ByteBuffer p = d.payload();
        return d.source().port() != DNS_PORT && d.destination().port() != DNS_PORT && p.remaining() >= 5
                && (p.get(p.position()) & LONG_HEADER) == LONG_HEADER;
    }

    /** The flows whose ClientHello was read, in the order it was. */
    List<TrafficConnection> connections(DnsNames dns) {
        return flows.values().stream().filter(f -> f.hello != null)
                .sorted(Comparator.comparingLong(f -> f.number))
                .map(f -> connection(f, dns)).toList();
    }

    private static TrafficConnection connection(Flow f, DnsNames dns) {
        Optional<ServerName> name = ServerName.choose(f.hello.serverName(), Optional.empty(), dns,
                f.key.server().address());
        return new TrafficConnection("u" + f.number, f.key.client().toString(), f.key.server().toString(),
                Times.iso(f.startNanos), Times.iso(f.lastNanos), f.app, name.map(ServerName::name),
                name.map(ServerName::source), Protocol.QUIC, Optional.of(TlsSummary.of(f.hello)), f.fromClient,
                f.fromServer, 0, List.of());
    }
}
