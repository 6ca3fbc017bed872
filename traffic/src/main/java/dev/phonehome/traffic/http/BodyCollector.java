package dev.phonehome.traffic.http;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects one body's wire bytes up to a per-body cap and the connection's shared memory
 * budget, counting (not keeping) the rest.
 */
final class BodyCollector {
    private static final byte[] NONE = new byte[0];
    private static final int FIRST_ROOM = 4096;
    private final int cap;
    private final ConnectionMemory memory;
    /** Kept bytes are {@code kept[0, size)}; copied straight from the stream's buffers, grown by doubling. */
    private byte[] kept = NONE;
    private int size;
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
        int room = (int) Math.min(n, cap - (long) size);
        int granted = room <= 0 ? 0 : memory.take(room);
        capped |= granted < n;
        if (granted > 0) {
            if (size + granted > kept.length) {
                long doubled = Math.max(FIRST_ROOM, 2L * kept.length);
                kept = Arrays.copyOf(kept, (int) Math.max(size + granted, Math.min(doubled, cap)));
            }
            bytes.get(kept, size, granted);
            size += granted;
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
        return cut || size < wireLength;
    }

    /** The kept bytes; returns their memory to the connection. */
    byte[] release() {
        byte[] out = size == kept.length ? kept : Arrays.copyOf(kept, size);
        memory.give(size);
        kept = NONE;
        size = 0;
        return out;
    }
}
