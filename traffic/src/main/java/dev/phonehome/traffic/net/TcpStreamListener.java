package dev.phonehome.traffic.net;

import java.nio.ByteBuffer;

/**
 * Receives reassembled TCP byte streams. For each connection the calls are: one
 * {@link #onOpen}, then {@link #onData} and {@link #onGap} in stream order for each direction
 * (the two directions interleave in capture order), then one {@link #onClose}.
 */
public interface TcpStreamListener {
    void onOpen(Connection c);

    /**
     * In-order bytes of one direction. The buffer is read-only and valid only during the call:
     * copy what must be kept.
     */
    void onData(Connection c, Direction d, long timestampNanos, ByteBuffer data);

    /** {@code missingBytes} of direction {@code d} were never captured; the stream resumes after them. */
    void onGap(Connection c, Direction d, long missingBytes);

    /** The connection ended (FIN both ways, RST, idle timeout, eviction or end of capture). */
    void onClose(Connection c);
}
