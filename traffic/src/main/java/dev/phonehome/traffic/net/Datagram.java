package dev.phonehome.traffic.net;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One UDP datagram (after IP reassembly).
 *
 * @param payload read-only; valid only during the listener call
 */
public record Datagram(long timestampNanos, Endpoint source, Endpoint destination, ByteBuffer payload,
                       OptionalInt uid) {
    public Datagram {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(uid, "uid");
    }
}
