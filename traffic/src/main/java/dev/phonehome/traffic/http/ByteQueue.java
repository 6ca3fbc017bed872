package dev.phonehome.traffic.http;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Bytes of one direction received but not yet consumed. Parsers look at the front, consume what
 * they understood and leave the rest for the next segment; callers bound how much may wait.
 */
final class ByteQueue {
    private byte[] data = new byte[256];
    private int start;
    private int end;
    private long consumedTotal;
    /** Stream offsets where each appended segment starts, with its timestamp, oldest first. */
    private final ArrayDeque<long[]> segments = new ArrayDeque<>();

    void append(ByteBuffer bytes, long timestampNanos) {
        if (isEmpty()) {
            segments.clear();
        }
        if (bytes.hasRemaining()) {
            segments.addLast(new long[] {consumedTotal + size(), timestampNanos});
        }
        append(bytes);
    }

    /** Timestamp of the segment that carried the front byte, 0 if nothing was ever appended. */
    long frontTimestamp() {
        long[] front = segments.peekFirst();
        return front == null ? 0 : front[1];
    }

    private void append(ByteBuffer bytes) {
        int n = bytes.remaining();
        if (end + n > data.length) {
            int live = end - start;
            if (live + n > data.length) {
                data = Arrays.copyOfRange(data, start, start + Math.max(data.length * 2, live + n));
            } else {
                System.arraycopy(data, start, data, 0, live);
            }
            start = 0;
            end = live;
        }
        bytes.get(data, end, n);
        end += n;
    }

    int size() {
        return end - start;
    }

    boolean isEmpty() {
        return end == start;
    }

    /** The byte at {@code i} from the front. */
    int at(int i) {
        return data[start + i] & 0xFF;
    }

    /** A read-only view of the first {@code n} bytes; valid until the next append or consume. */
    ByteBuffer view(int n) {
        return ByteBuffer.wrap(data, start, n).slice().asReadOnlyBuffer();
    }

    byte[] copy(int n) {
        return Arrays.copyOfRange(data, start, start + n);
    }

    void consume(int n) {
        start += n;
        consumedTotal += n;
        while (segments.size() > 1 && secondSegmentStart() <= consumedTotal) {
            segments.removeFirst();
        }
        if (start == end) {
            start = 0;
            end = 0;
            if (data.length > 64 * 1024) {
                data = new byte[256];
            }
        }
    }

    private long secondSegmentStart() {
        Iterator<long[]> it = segments.iterator();
        it.next();
        return it.next()[0];
    }

    /** Everything queued, removed from the queue. */
    ByteBuffer drain() {
        ByteBuffer all = ByteBuffer.wrap(copy(size()));
        consume(size());
        return all;
    }

    void clear() {
        consume(size());
    }

    /** Offset in the direction's byte stream of the front byte, for error messages. */
    long offset() {
        return consumedTotal;
    }

    /** Index of the first {@code b} in the first {@code limit} bytes, or -1. */
    int indexOf(byte b, int from, int limit) {
        int stop = Math.min(size(), limit);
        for (int i = from; i < stop; i++) {
            if (data[start + i] == b) {
                return i;
            }
        }
        return -1;
    }
}
