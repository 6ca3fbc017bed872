package dev.phonehome.apk.zip;

import java.util.concurrent.atomic.AtomicLong;

/** Bytes all reads of one archive may still deliver; shared by its streams so many small bombs add up. */
final class ReadBudget {
    private final AtomicLong remaining;

    ReadBudget(long bytes) {
        this.remaining = new AtomicLong(bytes);
    }

    /** Takes {@code n} bytes, or returns false (taking nothing) when fewer remain. */
    boolean take(long n) {
        long left;
        do {
            left = remaining.get();
            if (left < n) {
                return false;
            }
        } while (!remaining.compareAndSet(left, left - n));
        return true;
    }

    long remaining() {
        return remaining.get();
    }
}
