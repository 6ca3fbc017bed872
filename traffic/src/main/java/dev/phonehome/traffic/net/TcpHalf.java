package dev.phonehome.traffic.net;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * One direction of a TCP connection: turns segments in any order into an in-order byte
 * stream with gap markers.
 *
 * <p>Sequence numbers are unwrapped to 64 bits relative to the stream, each new one taken as
 * the value nearest to the next expected byte, which makes 32-bit wraparound transparent.
 * Overlaps keep the first bytes seen (Wireshark's default); overlapping bytes that differ are
 * reported when they can still be compared (out-of-order buffer, or the last
 * {@link #RETAINED_BYTES} delivered). Out-of-order data is buffered up to
 * {@link #MAX_PENDING_BYTES} / {@link #MAX_PENDING_SEGMENTS}; beyond that, or when the
 * shared budget is spent, the missing range is declared a gap and delivery resumes.
 */
final class TcpHalf {
    static final int MAX_PENDING_BYTES = 1 << 20;
    static final int MAX_PENDING_SEGMENTS = 1_024;
    static final int RETAINED_BYTES = 2_048;

    /** Where a half delivers its stream. */
    interface Sink {
        void data(long timestampNanos, ByteBuffer data);

        void gap(long missingBytes);

        void problem(String code, String message);
    }

    /** Bytes buffered across all connections, shared so that total memory stays bounded. */
    static final class Budget {
        private final long limit;
        private long used;

        Budget(long limit) {
            this.limit = limit;
        }

        boolean exhausted() {
            return used > limit;
        }
    }

    private record Pending(long end, long timestampNanos, byte[] data) {
    }

    private final Budget budget;
    private boolean started;
    /** Unwrapped sequence number of the first stream byte, for offsets in messages. */
    private long origin;
    private long next;
    private TreeMap<Long, Pending> pending;
    private int pendingBytes;
    private byte[] tail;
    private int tailLength;
    private long finAt = -1;

    TcpHalf(Budget budget) {
        this.budget = budget;
    }

    boolean started() {
        return started;
    }

    /** True when a FIN was received and every byte before it delivered (or declared missing). */
    boolean finished() {
        return finAt >= 0 && next >= finAt;
    }

    boolean finSeen() {
        return finAt >= 0;
    }

    /**
     * One segment; {@code cutBytes} follow {@code payload} on the wire but were not captured:
     * when the segment is in order they are declared a gap at once rather than waiting for
     * the out-of-order limits.
     */
    void segment(long timestampNanos, int rawSequence, boolean syn, boolean fin, ByteBuffer payload, int cutBytes,
                 Sink sink) {
        if (!started) {
            started = true;
            next = Integer.toUnsignedLong(rawSequence) + (syn ? 1 : 0);
            origin = next;
        }
        long start = unwrap(rawSequence) + (syn ? 1 : 0);
        long end = start + payload.remaining();
        if (fin && finAt < 0) {
            finAt = end + cutBytes;
        }
        if (start == end) {
            if (cutBytes > 0 && start == next) {
                skipCut(cutBytes, sink);
                drain(sink);
            }
            return;
        }
        if (end <= next) {
            compareDelivered(start, payload, sink);
            return;
        }
        if (start < next) {
            compareDelivered(start, payload, sink);
            payload = payload.slice(payload.position() + (int) (next - start), (int) (end - next));
            start = next;
        }
        if (start == next) {
            deliver(timestampNanos, payload, sink);
            if (cutBytes > 0) {
                skipCut(cutBytes, sink);
            }
            drain(sink);
        } else {
            buffer(start, timestampNanos, payload, sink);
            while (pending != null && !pending.isEmpty() && (pendingBytes > MAX_PENDING_BYTES
                    || pending.size() > MAX_PENDING_SEGMENTS || budget.exhausted())) {
                skipToPending(sink);
            }
        }
    }

    /** Delivers everything buffered, declaring the holes as gaps (at close). */
    void flush(Sink sink) {
        while (pending != null && !pending.isEmpty()) {
            skipToPending(sink);
        }
        if (finAt > next) {
            sink.gap(finAt - next);
            next = finAt;
        }
        release();
    }

    /** Frees buffers of a closed connection. */
    void release() {
        if (pending != null) {
            budget.used -= pendingBytes;
            pendingBytes = 0;
            pending = null;
        }
        tail = null;
        tailLength = 0;
    }

    private void skipCut(int cutBytes, Sink sink) {
        sink.gap(cutBytes);
        next += cutBytes;
        tailLength = 0; // the retained bytes no longer end at next
    }

    private long unwrap(int raw) {
        int delta = raw - (int) next;
        return next + delta;
    }

    private void skipToPending(Sink sink) {
        long first = pending.firstKey();
        if (first > next) {
            sink.gap(first - next);
            next = first;
        }
        drain(sink);
    }

    private void drain(Sink sink) {
        while (pending != null && !pending.isEmpty() && pending.firstKey() <= next) {
            Map.Entry<Long, Pending> e = pending.pollFirstEntry();
            Pending p = e.getValue();
            pendingBytes -= p.data.length;
            budget.used -= p.data.length;
            ByteBuffer bytes = ByteBuffer.wrap(p.data).asReadOnlyBuffer();
            compareDelivered(e.getKey(), bytes, sink);
            if (p.end > next) {
                deliver(p.timestampNanos, bytes.slice((int) (next - e.getKey()), (int) (p.end - next)), sink);
            }
        }
    }

    /** Inserts the parts of [start, end) not yet buffered; the first-seen bytes win. */
    private void buffer(long start, long timestampNanos, ByteBuffer payload, Sink sink) {
        if (pending == null) {
            pending = new TreeMap<>();
        }
        long end = start + payload.remaining();
        long pos = start;
        while (pos < end) {
            Map.Entry<Long, Pending> floor = pending.floorEntry(pos);
            if (floor != null && floor.getValue().end > pos) {
                long coveredEnd = Math.min(end, floor.getValue().end);
                if (!same(floor.getValue().data, (int) (pos - floor.getKey()), payload, (int) (pos - start),
                        (int) (coveredEnd - pos))) {
                    sink.problem("tcp.overlap-differs", "retransmitted bytes at stream offset " + (pos - origin)
                            + " differ from those buffered; first seen kept");
                }
                pos = coveredEnd;
                continue;
            }
            Long higher = pending.higherKey(pos);
            long limit = higher == null ? end : Math.min(end, higher);
            byte[] copy = new byte[(int) (limit - pos)];
            payload.duplicate().position(payload.position() + (int) (pos - start)).get(copy);
            pending.put(pos, new Pending(limit, timestampNanos, copy));
            pendingBytes += copy.length;
            budget.used += copy.length;
            pos = limit;
        }
    }

    private void deliver(long timestampNanos, ByteBuffer data, Sink sink) {
        int n = data.remaining();
        retain(data);
        next += n;
        sink.data(timestampNanos, data.asReadOnlyBuffer());
    }

    /** Keeps the last bytes delivered, to detect retransmissions that rewrite them. */
    private void retain(ByteBuffer data) {
        int n = data.remaining();
        if (tail == null) {
            tail = new byte[Math.min(RETAINED_BYTES, Math.max(n, 64))];
        } else if (tail.length < RETAINED_BYTES && tailLength + n > tail.length) {
            tail = Arrays.copyOf(tail, Math.min(RETAINED_BYTES, Math.max(tailLength + n, tail.length * 2)));
        }
        int keep = Math.min(n, tail.length);
        int shift = Math.max(0, tailLength + keep - tail.length);
        if (shift > 0) {
            System.arraycopy(tail, shift, tail, 0, tailLength - shift);
            tailLength -= shift;
        }
        data.duplicate().position(data.position() + n - keep).get(tail, tailLength, keep);
        tailLength += keep;
    }

    /** Compares the part of [start, start+len) that overlaps the retained delivered bytes. */
    private void compareDelivered(long start, ByteBuffer payload, Sink sink) {
        long tailStart = next - tailLength;
        long from = Math.max(start, tailStart);
        long to = Math.min(start + payload.remaining(), next);
        if (from < to && !same(tail, (int) (from - tailStart), payload, (int) (from - start), (int) (to - from))) {
            sink.problem("tcp.overlap-differs", "retransmitted bytes at stream offset " + (from - origin)
                    + " differ from those delivered; first seen kept");
        }
    }

    private static boolean same(byte[] a, int aOffset, ByteBuffer b, int bOffset, int length) {
        int base = b.position() + bOffset;
        for (int i = 0; i < length; i++) {
            if (a[aOffset + i] != b.get(base + i)) {
                return false;
            }
        }
        return true;
    }
}
