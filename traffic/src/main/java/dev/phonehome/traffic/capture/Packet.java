package dev.phonehome.traffic.capture;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One captured frame.
 *
 * @param timestampNanos nanoseconds since the epoch (0 when the format records none, as in
 *                       pcapng Simple Packet Blocks)
 * @param linkType       the LINKTYPE_ value of the interface ({@link LinkType})
 * @param data           the captured bytes, read-only; may be shorter than {@code originalLength}
 * @param originalLength length of the frame on the wire
 * @param interfaceId    pcapng interface id within its section; 0 for pcap
 * @param uid            Android app UID that sent or received the frame, when recorded (PCAPdroid)
 * @param index          0-based position of the frame in the capture
 */
public record Packet(long timestampNanos, int linkType, ByteBuffer data, int originalLength, int interfaceId,
                     OptionalInt uid, long index) {
    public Packet {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(uid, "uid");
    }

    /** True when the capture cut the frame (snaplen): fewer bytes were saved than were sent. */
    public boolean truncated() {
        return data.remaining() < originalLength;
    }
}
