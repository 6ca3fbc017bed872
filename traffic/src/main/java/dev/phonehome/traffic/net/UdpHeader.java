package dev.phonehome.traffic.net;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.nio.ByteBuffer;

/** A UDP header; the payload is clipped to the UDP length when the capture holds more. */
record UdpHeader(int sourcePort, int destinationPort, ByteBuffer payload) {
    static UdpHeader decode(ByteBuffer ipPayload) throws FormatException {
        ByteCursor c = ByteCursor.over(ipPayload, "UDP header");
        int sourcePort = c.u16();
        int destinationPort = c.u16();
        int length = c.u16();
        c.skip(2);
        int end = length >= 8 ? Math.min(length - 8, c.remaining()) : c.remaining();
        return new UdpHeader(sourcePort, destinationPort, c.buffer().slice(8, end));
    }
}
