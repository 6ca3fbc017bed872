package dev.phonehome.traffic.flow;

import java.nio.ByteBuffer;

/** Bytes of a protocol phonehome does not read: the connection's byte counts are all it reports. */
final class OpaqueLayer implements StreamLayer {
    @Override
    public void feed(boolean fromClient, long timestampNanos, ByteBuffer bytes) {
        // counted by the connection; the content is not interpreted
    }

    @Override
    public void gap(boolean fromClient, long missing) {
        // nothing is interpreted, so nothing is lost
    }

    @Override
    public void end() {
        // nothing to flush
    }
}
