package dev.phonehome.traffic.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Collects one body's wire bytes up to a per-body cap and the connection's shared memory
 * budget, counting (not keeping) the rest.
 */
final class BodyCollector {
    private final int cap;
    private final ConnectionMemory memory;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long wireLength;
    private boolean cut;
    private boolean capped;

    BodyCollector(int cap, ConnectionMemory memory) {
        this.cap = cap;
        this.memory = memory;
    }

    void add(ByteBuffer bytes) {
        int n = bytes.remaining();
        wireLength += n;
        int room = (int) Math.min(n, cap - (long) kept.size());
        int granted = room <= 0 ? 0 : memory.take(room);
        capped |= granted < n;
        if (granted > 0) {
            byte[] chunk = new byte[granted];
            bytes.get(chunk);
            kept.write(chunk, 0, granted);
        }
        bytes.position(bytes.limit());
    }

    /** Counts {@code n} body bytes that the capture lost. */
    void missing(long n) {
        wireLength += n;
        cut = true;
    }

    /** Marks the body as cut short (connection ended, stream reset, gap). */
    void cut() {
        cut = true;
    }

    long wireLength() {
        return wireLength;
    }

    /** Whether bytes that were on the wire were dropped for the cap or the connection's budget. */
    boolean capped() {
        return capped;
    }

    boolean truncated() {
        return cut || kept.size() < wireLength;
    }

    /** The kept bytes; returns their memory to the connection. */
    byte[] release() {
        byte[] out = kept.toByteArray();
        memory.give(out.length);
        kept.reset();
        return out;
    }
}
