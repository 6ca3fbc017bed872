package dev.phonehome.traffic.flow;

import dev.phonehome.core.Problem;
import dev.phonehome.traffic.capture.Packet;
import dev.phonehome.traffic.net.Connection;
import dev.phonehome.traffic.net.Datagram;
import dev.phonehome.traffic.net.DatagramListener;
import dev.phonehome.traffic.net.Direction;
import dev.phonehome.traffic.net.PacketDecoder;
import dev.phonehome.traffic.net.TcpStreamListener;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Packets in, connections and exchanges out: owns the {@link PacketDecoder} and gives each TCP
 * connection a {@link ProtocolSniffer}. Memory follows the decoder's bound on open connections.
 */
final class PacketPipeline implements TcpStreamListener, DatagramListener {
    /** A connection's tracker and its layer stack (replaced by an opaque one if a layer fails). */
    private static final class Open {
        final ConnectionTracker tracker;
        StreamLayer layer;

        Open(ConnectionTracker tracker, StreamLayer layer) {
            this.tracker = tracker;
            this.layer = layer;
        }

        /** Runs one step of the layers; a bug or unforeseen input in one connection must not end the analysis. */
        void run(Consumer<StreamLayer> step) {
            try {
                step.accept(layer);
            } catch (RuntimeException e) {
                tracker.problem(new Problem("flow.layer-failed", tracker.id(),
                        "stopped interpreting the connection: " + e));
                layer = new OpaqueLayer();
            }
        }
    }

    private final PacketDecoder decoder = new PacketDecoder(this, this);
    private final Map<Long, Open> open = new HashMap<>();
    private final Settings settings;
    private final AppNames apps;
    private final QuicFlows quic;
    private final Consumer<TrafficConnection> connections;
    private final List<Problem> problems = new ArrayList<>();

    PacketPipeline(Settings settings, AppNames apps, Consumer<TrafficConnection> connections) {
        this.settings = settings;
        this.apps = apps;
        this.quic = new QuicFlows(apps);
        this.connections = connections;
    }

    void accept(Packet packet) {
        decoder.accept(packet);
    }

    /** Ends the connections still open and reports the QUIC flows. */
    void finish() {
        decoder.finish();
        quic.connections(decoder.dnsNames()).forEach(connections);
    }

    List<Problem> problems() {
        List<Problem> all = new ArrayList<>(decoder.problems());
        all.addAll(problems);
        return all;
    }

    @Override
    public void onOpen(Connection c) {
        ConnectionTracker t = new ConnectionTracker(c, apps.of(c.uid()), decoder.dnsNames());
        open.put(c.id(), new Open(t, new ProtocolSniffer(LayerContext.top(t), settings)));
    }

    @Override
    public void onData(Connection c, Direction d, long timestampNanos, ByteBuffer data) {
        Open o = open.get(c.id());
        boolean fromClient = d == Direction.CLIENT_TO_SERVER;
        o.tracker.count(fromClient, timestampNanos, data.remaining());
        o.run(l -> l.feed(fromClient, timestampNanos, data));
    }

    @Override
    public void onGap(Connection c, Direction d, long missingBytes) {
        open.get(c.id()).run(l -> l.gap(d == Direction.CLIENT_TO_SERVER, missingBytes));
    }

    @Override
    public void onClose(Connection c) {
        Open o = open.remove(c.id());
        o.run(StreamLayer::end);
        connections.accept(o.tracker.summary());
    }

    @Override
    public void onDatagram(Datagram datagram) {
        quic.offer(datagram).ifPresent(problems::add);
    }
}
