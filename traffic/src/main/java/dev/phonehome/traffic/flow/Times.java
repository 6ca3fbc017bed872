package dev.phonehome.traffic.flow;

import java.time.Instant;

/** Capture timestamps as reports write them. */
final class Times {
    private Times() {
    }

    /** ISO 8601 UTC, e.g. {@code 2024-05-01T12:00:00.123456Z}. */
    static String iso(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L))
                .toString();
    }
}
