package dev.phonehome.traffic.net;

import dev.phonehome.traffic.capture.LinkType;
import dev.phonehome.traffic.capture.Packet;
import java.nio.ByteBuffer;
import java.util.OptionalInt;

/** Builds IPv4/IPv6 TCP and UDP frames for tests. Checksums are left zero (not verified). */
public final class Frames {
    public static final byte[] CLIENT = {10, 0, 0, 2};
    public static final byte[] SERVER = {93, (byte) 184, (byte) 216, 34};
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    private Frames() {
    }

    public static byte[] tcp(int srcPort, int dstPort, int seq, int flags, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
        b.putShort((short) srcPort).putShort((short) dstPort).putInt(seq).putInt(0)
                .put((byte) 0x50).put((byte) flags).putShort((short) 65535).putInt(0).put(payload);
        return b.array();
    }

    public static byte[] udp(int srcPort, int dstPort, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length);
        b.putShort((short) srcPort).putShort((short) dstPort).putShort((short) (8 + payload.length)).putShort((short) 0)
                .put(payload);
        return b.array();
    }

    public static byte[] ipv4(byte[] src, byte[] dst, int protocol, byte[] transport) {
        return ipv4Fragment(src, dst, protocol, 1, 0, false, transport);
    }

    /** An IPv4 packet carrying {@code part}, a fragment at {@code offset} bytes (multiple of 8). */
    public static byte[] ipv4Fragment(byte[] src, byte[] dst, int protocol, int id, int offset, boolean more,
                                      byte[] part) {
        ByteBuffer b = ByteBuffer.allocate(20 + part.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + part.length)).putShort((short) id)
                .putShort((short) ((more ? 0x2000 : 0) | (offset / 8))).put((byte) 64).put((byte) protocol)
                .putShort((short) 0).put(src).put(dst).put(part);
        return b.array();
    }

    public static byte[] ipv6(byte[] src, byte[] dst, int protocol, byte[] transport) {
        ByteBuffer b = ByteBuffer.allocate(40 + transport.length);
        b.putInt(0x60000000).putShort((short) transport.length).put((byte) protocol).put((byte) 64).put(src).put(dst)
                .put(transport);
        return b.array();
    }

    /** An IPv6 packet with a hop-by-hop header then a fragment header. */
    public static byte[] ipv6Fragment(byte[] src, byte[] dst, int protocol, int id, int offset, boolean more,
                                      byte[] part) {
        ByteBuffer b = ByteBuffer.allocate(40 + 8 + 8 + part.length);
        b.putInt(0x60000000).putShort((short) (16 + part.length)).put((byte) 0).put((byte) 64).put(src).put(dst);
        b.put((byte) 44).put((byte) 0).put(new byte[6]);
        b.put((byte) protocol).put((byte) 0).putShort((short) (offset | (more ? 1 : 0))).putInt(id);
        b.put(part);
        return b.array();
    }

    public static byte[] ethernet(byte[] ip, int... vlans) {
        ByteBuffer b = ByteBuffer.allocate(14 + 4 * vlans.length + ip.length);
        b.put(new byte[12]);
        for (int vlan : vlans) {
            b.putShort((short) 0x8100).putShort((short) vlan);
        }
        b.putShort((short) ((ip[0] >> 4) == 6 ? 0x86DD : 0x0800)).put(ip);
        return b.array();
    }

    public static Packet raw(long ts, byte[] ip) {
        return packet(ts, LinkType.RAW, ip);
    }

    public static Packet packet(long ts, int linkType, byte[] frame) {
        return new Packet(ts, linkType, ByteBuffer.wrap(frame).asReadOnlyBuffer(), frame.length, 0, OptionalInt.empty(), 0);
    }

    /** A raw IPv4 TCP packet from client to server or back. */
    public static Packet c2s(long ts, int seq, int flags, byte[] payload) {
        return raw(ts, ipv4(CLIENT, SERVER, 6, tcp(40000, 443, seq, flags, payload)));
    }

    public static Packet s2c(long ts, int seq, int flags, byte[] payload) {
        return raw(ts, ipv4(SERVER, CLIENT, 6, tcp(443, 40000, seq, flags, payload)));
    }
}
