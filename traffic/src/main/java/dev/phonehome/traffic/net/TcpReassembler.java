package dev.phonehome.traffic.net;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.ProblemLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Follows TCP connections and hands their reassembled streams to a {@link TcpStreamListener}.
 *
 * <p>Memory is bounded whatever the capture: at most {@link #MAX_CONNECTIONS} connections are
 * tracked (the least recently active is closed first), a connection idle for
 * {@link #IDLE_TIMEOUT_NANOS} of capture time is closed, and out-of-order bytes across all
 * connections share a {@link #MAX_BUFFERED_BYTES} budget. A closed connection stays known
 * (without buffers) so that late retransmissions are ignored, until a new SYN on the same
 * addresses and ports opens a new connection (port reuse).
 *
 * <p>A flow first seen without its handshake starts at its first segment that carries data;
 * segments without data, SYN or a known connection are ignored.
 */
final class TcpReassembler {
    static final int MAX_CONNECTIONS = 100_000;
    static final long IDLE_TIMEOUT_NANOS = 600_000_000_000L;
    static final long MAX_BUFFERED_BYTES = 64L << 20;
    private static final int SWEEP_EVERY = 4_096;

    /** Both directions of a flow as one key; equals and hashCode written out as in {@link Endpoint}. */
    private record FlowKey(Endpoint first, Endpoint second) {
        /** Any fixed order makes both directions one key: ports first, so that addresses are compared only on a tie. */
        static FlowKey of(Endpoint a, Endpoint b) {
            boolean inOrder = a.port() != b.port() ? a.port() < b.port() : a.compareTo(b) <= 0;
            return inOrder ? new FlowKey(a, b) : new FlowKey(b, a);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FlowKey k && first.equals(k.first) && second.equals(k.second);
        }

        @Override
        public int hashCode() {
            return 31 * first.hashCode() + second.hashCode();
        }
    }

    private final TcpStreamListener listener;
    private final ProblemLog problems;
    private final TcpHalf.Budget budget = new TcpHalf.Budget(MAX_BUFFERED_BYTES);
    private final Map<FlowKey, TcpFlow> flows = new LinkedHashMap<>(1024, 0.75f, true);
    private long lastId;
    private long segments;

    TcpReassembler(TcpStreamListener listener, ProblemLog problems) {
        this.listener = listener;
        this.problems = problems;
    }

    /** Feeds one segment sent from {@code source} to {@code destination}. */
    void segment(long timestampNanos, Endpoint source, Endpoint destination, TcpSegment s, OptionalInt uid) {
        if (++segments % SWEEP_EVERY == 0) {
            closeIdle(timestampNanos);
        }
        FlowKey key = FlowKey.of(source, destination);
        TcpFlow flow = flows.get(key);
        boolean opening = s.has(TcpSegment.SYN) && !s.has(TcpSegment.ACK);
        if (flow != null && opening && flow.isNewSyn(source, s.sequence())) {
            close(flow);
            flows.remove(key);
            flow = null;
        }
        if (flow != null && flow.closed()) {
            return;
        }
        if (flow == null) {
            if (!s.has(TcpSegment.SYN) && !s.payload().hasRemaining()) {
                return;
            }
            flow = open(key, timestampNanos, source, destination, s, uid);
        }
        flow.segment(timestampNanos, source, s);
        if (s.has(TcpSegment.RST) || flow.bothFinished()) {
            close(flow);
        }
    }

    private TcpFlow open(FlowKey key, long ts, Endpoint source, Endpoint destination, TcpSegment s, OptionalInt uid) {
        boolean sourceIsClient;
        if (s.has(TcpSegment.SYN)) {
            sourceIsClient = !s.has(TcpSegment.ACK);
        } else if (source.port() != destination.port()) {
            sourceIsClient = source.port() > destination.port();
        } else {
            sourceIsClient = true;
        }
        Endpoint client = sourceIsClient ? source : destination;
        Endpoint server = sourceIsClient ? destination : source;
        Connection c = new Connection(++lastId, client, server, ts, uid);
        TcpFlow flow = new TcpFlow(c, listener, problems, budget, opening(s, sourceIsClient));
        if (flows.size() >= MAX_CONNECTIONS) {
            evictOldest();
        }
        flows.put(key, flow);
        listener.onOpen(c);
        return flow;
    }

    private static OptionalInt opening(TcpSegment s, boolean sourceIsClient) {
        return s.has(TcpSegment.SYN) && sourceIsClient ? OptionalInt.of(s.sequence()) : OptionalInt.empty();
    }

    private void evictOldest() {
        Iterator<TcpFlow> it = flows.values().iterator();
        TcpFlow oldest = it.next();
        it.remove();
        if (!oldest.closed()) {
            problems.add("tcp.connection-evicted", oldest.connection().toString(),
                    "more than " + MAX_CONNECTIONS + " connections tracked; least recently active closed");
            close(oldest);
        }
    }

    private void closeIdle(long now) {
        Iterator<TcpFlow> it = flows.values().iterator();
        while (it.hasNext()) {
            TcpFlow f = it.next();
            if (now - f.lastSeen() <= IDLE_TIMEOUT_NANOS) {
                return;
            }
            it.remove();
            close(f);
        }
    }

    private void close(TcpFlow flow) {
        if (!flow.closed()) {
            flow.close();
        }
    }

    /** Closes every open connection, in order of first appearance (end of capture). */
    void finish() {
        List<TcpFlow> open = new ArrayList<>();
        for (TcpFlow f : flows.values()) {
            if (!f.closed()) {
                open.add(f);
            }
        }
        open.sort(Comparator.comparingLong(f -> f.connection().id()));
        open.forEach(this::close);
        flows.clear();
    }

    /** Connections currently remembered (open or recently closed); bounded by {@link #MAX_CONNECTIONS}. */
    int tracked() {
        return flows.size();
    }
}
