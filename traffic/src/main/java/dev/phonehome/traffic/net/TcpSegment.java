package dev.phonehome.traffic.net;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.nio.ByteBuffer;

/**
 * A decoded TCP header with its payload (read-only). Sequence numbers are raw 32-bit values;
 * {@code cutBytes} follow the payload on the wire but were not captured (snaplen).
 */
record TcpSegment(int sourcePort, int destinationPort, int sequence, int flags, ByteBuffer payload, int cutBytes) {
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int RST = 0x04;
    static final int ACK = 0x10;

    static TcpSegment decode(ByteBuffer ipPayload, int cutBytes) throws FormatException {
        ByteCursor c = ByteCursor.over(ipPayload, "TCP header");
        int sourcePort = c.u16();
        int destinationPort = c.u16();
        int sequence = c.s32();
        c.skip(4);
        int offsetByte = c.u8();
        int flags = c.u8();
        int headerLength = (offsetByte >> 4) * 4;
        if (headerLength < 20) {
            throw c.error("data offset " + headerLength + " bytes, minimum 20");
        }
        c.seek(headerLength);
        return new TcpSegment(sourcePort, destinationPort, sequence, flags,
                c.buffer().slice(headerLength, c.remaining()), cutBytes);
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
