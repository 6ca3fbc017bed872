package dev.phonehome.traffic.capture;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.OptionalInt;

/**
 * PCAPdroid's pcap extension: the IP packet is wrapped in a dummy Ethernet header and followed
 * by a 32-byte trailer {@code magic 0x01072021, uid, app name[20], fcs}, big-endian. Readers
 * that ignore it still see a valid frame, since IP lengths exclude the trailer.
 */
final class PcapdroidTrailer {
    static final int MAGIC = 0x01072021;
    static final int BYTES = 32;
    private static final int ETHERNET_HEADER = 14;

    private PcapdroidTrailer() {
    }

    static OptionalInt uid(ByteBuffer frame) {
        if (frame.remaining() < ETHERNET_HEADER + BYTES) {
            return OptionalInt.empty();
        }
        try {
            ByteCursor c = ByteCursor.over(frame.duplicate().order(ByteOrder.BIG_ENDIAN), "PCAPdroid trailer");
            c.seek(c.limit() - BYTES);
            return c.s32() == MAGIC ? OptionalInt.of(c.s32()) : OptionalInt.empty();
        } catch (FormatException e) {
            return OptionalInt.empty();
        }
    }
}
