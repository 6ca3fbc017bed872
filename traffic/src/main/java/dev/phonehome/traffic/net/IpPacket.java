package dev.phonehome.traffic.net;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/**
 * A decoded IPv4 or IPv6 packet (or fragment).
 *
 * @param protocol        the upper-layer protocol (6 TCP, 17 UDP), after IPv6 extension headers
 * @param payload         upper-layer bytes, read-only
 * @param fragmentId      IPv4 identification or IPv6 fragment header identification
 * @param fragmentOffset  byte offset of this fragment's payload in the original datagram
 * @param moreFragments   the MF flag
 * @param fragment        true when this is a fragment that needs reassembly
 * @param cutBytes        payload bytes the IP header announces but the capture cut (snaplen)
 */
record IpPacket(int version, InetAddress source, InetAddress destination, int protocol, ByteBuffer payload,
                long fragmentId, int fragmentOffset, boolean moreFragments, boolean fragment, int cutBytes) {

    IpPacket reassembled(ByteBuffer whole) {
        return new IpPacket(version, source, destination, protocol, whole, fragmentId, 0, false, false, 0);
    }
}
