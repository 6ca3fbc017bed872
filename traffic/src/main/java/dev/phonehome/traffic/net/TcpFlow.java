package dev.phonehome.traffic.net;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.ProblemLog;
import java.nio.ByteBuffer;
import java.util.OptionalInt;

/** The state of one tracked connection: its two halves and whether it is closed. */
final class TcpFlow {
    private final Connection connection;
    private final TcpStreamListener listener;
    private final ProblemLog problems;
    private final TcpHalf toServer;
    private final TcpHalf toClient;
    private final OptionalInt clientIsn;
    private long lastSeen;
    private boolean closed;

    TcpFlow(Connection connection, TcpStreamListener listener, ProblemLog problems, TcpHalf.Budget budget,
            OptionalInt clientIsn) {
        this.connection = connection;
        this.listener = listener;
        this.problems = problems;
        this.toServer = new TcpHalf(budget);
        this.toClient = new TcpHalf(budget);
        this.clientIsn = clientIsn;
        this.lastSeen = connection.startNanos();
    }

    Connection connection() {
        return connection;
    }

    long lastSeen() {
        return lastSeen;
    }

    boolean closed() {
        return closed;
    }

    /** A SYN that opens a new connection on these ports, rather than a retransmitted one. */
    boolean isNewSyn(Endpoint source, int sequence) {
        if (closed || toServer.finSeen() || toClient.finSeen()) {
            return true;
        }
        return source.equals(connection.client()) && clientIsn.isPresent() && clientIsn.getAsInt() != sequence;
    }

    void segment(long ts, Endpoint source, TcpSegment s) {
        lastSeen = ts;
        Direction d = source.equals(connection.client()) ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
        half(d).segment(ts, s.sequence(), s.has(TcpSegment.SYN), s.has(TcpSegment.FIN), s.payload(), s.cutBytes(),
                sink(d));
    }

    boolean bothFinished() {
        return toServer.finished() && toClient.finished();
    }

    void close() {
        closed = true;
        toServer.flush(sink(Direction.CLIENT_TO_SERVER));
        toClient.flush(sink(Direction.SERVER_TO_CLIENT));
        listener.onClose(connection);
    }

    private TcpHalf half(Direction d) {
        return d == Direction.CLIENT_TO_SERVER ? toServer : toClient;
    }

    private TcpHalf.Sink sink(Direction d) {
        return new TcpHalf.Sink() {
            @Override
            public void data(long timestampNanos, ByteBuffer data) {
                listener.onData(connection, d, timestampNanos, data);
            }

            @Override
            public void gap(long missingBytes) {
                listener.onGap(connection, d, missingBytes);
            }

            @Override
            public void problem(String code, String message) {
                problems.add(code, connection.toString(), d + ": " + message);
            }
        };
    }
}
