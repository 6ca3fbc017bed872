package dev.phonehome.traffic.net;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Decodes IPv4 (options skipped, checksum not verified: captures are often taken before
 * checksum offload fills it in) and IPv6 with its extension-header chain, bounded to
 * {@link #MAX_EXTENSION_HEADERS}. Lengths larger than the captured bytes are clipped, so a
 * snaplen-cut packet still yields its captured payload.
 */
final class IpDecoder {
    static final int MAX_EXTENSION_HEADERS = 8;
    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int AUTHENTICATION = 51;
    private static final int DESTINATION_OPTIONS = 60;

    private IpDecoder() {
    }

    static IpPacket decode(ByteBuffer network) throws FormatException {
        ByteCursor c = ByteCursor.over(network, "IP header");
        int version = c.sliceAt(0, 1, "IP version").u8() >> 4;
        return switch (version) {
            case 4 -> ipv4(c.named("IPv4 header"));
            case 6 -> ipv6(c.named("IPv6 header"));
            default -> throw c.error("IP version " + version);
        };
    }

    private static IpPacket ipv4(ByteCursor c) throws FormatException {
        int headerLength = (c.u8() & 0x0F) * 4;
        c.skip(1);
        int totalLength = c.u16();
        int id = c.u16();
        int flagsOffset = c.u16();
        c.skip(1);
        int protocol = c.u8();
        c.skip(2);
        InetAddress src = address(c.bytes(4));
        InetAddress dst = address(c.bytes(4));
        if (headerLength < 20 || totalLength < headerLength) {
            throw c.error("header length " + headerLength + ", total length " + totalLength);
        }
        c.seek(headerLength);
        int end = Math.min(totalLength, c.limit());
        ByteBuffer payload = c.buffer().slice(headerLength, end - headerLength);
        boolean more = (flagsOffset & 0x2000) != 0;
        int offset = (flagsOffset & 0x1FFF) * 8;
        return new IpPacket(4, src, dst, protocol, payload, id, offset, more, more || offset != 0, totalLength - end);
    }

    private static IpPacket ipv6(ByteCursor c) throws FormatException {
        c.skip(4);
        int payloadLength = c.u16();
        int next = c.u8();
        c.skip(1);
        InetAddress src = address(c.bytes(16));
        InetAddress dst = address(c.bytes(16));
        // Payload length 0 means a jumbogram: use what was captured.
        int end = payloadLength == 0 ? c.limit() : Math.min(c.limit(), 40 + payloadLength);
        int cut = payloadLength == 0 ? 0 : 40 + payloadLength - end;
        ByteCursor p = c.sliceAt(40, end - 40, "IPv6 payload");
        long fragmentId = 0;
        int fragmentOffset = 0;
        boolean more = false;
        boolean fragment = false;
        for (int i = 0; isExtension(next); i++) {
            if (i == MAX_EXTENSION_HEADERS) {
                throw p.error("more than " + MAX_EXTENSION_HEADERS + " extension headers");
            }
            int header = next;
            next = p.u8();
            int lengthField = p.u8();
            if (header == FRAGMENT) {
                int offsetFlags = p.u16();
                fragmentId = p.u32();
                fragmentOffset = offsetFlags & 0xFFF8;
                more = (offsetFlags & 1) != 0;
                fragment = more || fragmentOffset != 0;
            } else {
                int length = header == AUTHENTICATION ? (lengthField + 2) * 4 : (lengthField + 1) * 8;
                p.skip(length - 2L);
            }
        }
        ByteBuffer payload = p.buffer().slice(p.position(), p.remaining());
        return new IpPacket(6, src, dst, next, payload, fragmentId, fragmentOffset, more, fragment, cut);
    }

    private static boolean isExtension(int next) {
        return next == HOP_BY_HOP || next == ROUTING || next == FRAGMENT || next == AUTHENTICATION
                || next == DESTINATION_OPTIONS;
    }

    static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + raw.length + " bytes", e);
        }
    }
}
