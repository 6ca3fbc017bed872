package dev.phonehome.testkit.capture;

import java.nio.ByteBuffer;

/** IPv4 packets carrying TCP or UDP, with correct header, TCP and UDP checksums. */
final class Ipv4Packets {
    static final int TCP = 6;
    static final int UDP = 17;
    static final int FIN = 0x01;
    static final int SYN = 0x02;
    static final int PSH = 0x08;
    static final int ACK = 0x10;
    private static final int IP_HEADER = 20;

    private Ipv4Packets() {
    }

    /** A TCP segment; a SYN carries the MSS option as real stacks do. */
    static byte[] tcp(Endpoint from, Endpoint to, int ipId, int ttl, long seq, long ack, int flags, byte[] payload) {
        boolean syn = (flags & SYN) != 0;
        int headerLength = syn ? 24 : 20;
        ByteBuffer t = ByteBuffer.allocate(headerLength + payload.length);
        t.putShort((short) from.port()).putShort((short) to.port()).putInt((int) seq).putInt((int) ack)
                .put((byte) (headerLength / 4 << 4)).put((byte) flags).putShort((short) 0xFFFF)
                .putShort((short) 0).putShort((short) 0);
        if (syn) {
            t.put((byte) 2).put((byte) 4).putShort((short) 1460);
        }
        t.put(payload);
        byte[] segment = t.array();
        putChecksum(segment, 16, transportChecksum(from, to, TCP, segment));
        return ip(from, to, ipId, ttl, TCP, segment);
    }

    static byte[] udp(Endpoint from, Endpoint to, int ipId, int ttl, byte[] payload) {
        ByteBuffer u = ByteBuffer.allocate(8 + payload.length);
        u.putShort((short) from.port()).putShort((short) to.port()).putShort((short) (8 + payload.length))
                .putShort((short) 0).put(payload);
        byte[] datagram = u.array();
        int checksum = transportChecksum(from, to, UDP, datagram);
        putChecksum(datagram, 6, checksum == 0 ? 0xFFFF : checksum);
        return ip(from, to, ipId, ttl, UDP, datagram);
    }

    private static byte[] ip(Endpoint from, Endpoint to, int ipId, int ttl, int protocol, byte[] transport) {
        ByteBuffer b = ByteBuffer.allocate(IP_HEADER + transport.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (IP_HEADER + transport.length)).putShort((short) ipId)
                .putShort((short) 0x4000).put((byte) ttl).put((byte) protocol).putShort((short) 0)
                .put(from.addressBytes()).put(to.addressBytes()).put(transport);
        byte[] packet = b.array();
        putChecksum(packet, 10, onesComplement(packet, 0, IP_HEADER, 0));
        return packet;
    }

    private static int transportChecksum(Endpoint from, Endpoint to, int protocol, byte[] transport) {
        ByteBuffer pseudo = ByteBuffer.allocate(12);
        pseudo.put(from.addressBytes()).put(to.addressBytes()).put((byte) 0).put((byte) protocol)
                .putShort((short) transport.length);
        long sum = sum(pseudo.array(), 0, 12, 0);
        return onesComplement(transport, 0, transport.length, sum);
    }

    private static int onesComplement(byte[] data, int offset, int length, long initial) {
        long sum = sum(data, offset, length, initial);
        while (sum >> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) (~sum & 0xFFFF);
    }

    private static long sum(byte[] data, int offset, int length, long initial) {
        long sum = initial;
        for (int i = 0; i < length; i += 2) {
            int hi = data[offset + i] & 0xFF;
            int lo = i + 1 < length ? data[offset + i + 1] & 0xFF : 0;
            sum += hi << 8 | lo;
        }
        return sum;
    }

    private static void putChecksum(byte[] data, int at, int checksum) {
        data[at] = (byte) (checksum >> 8);
        data[at + 1] = (byte) checksum;
    }
}
