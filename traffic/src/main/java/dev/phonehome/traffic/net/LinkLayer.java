package dev.phonehome.traffic.net;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import dev.phonehome.traffic.capture.LinkType;
import dev.phonehome.traffic.capture.Packet;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Strips the link-layer header of a frame and returns its IPv4 or IPv6 packet. Frames that
 * carry anything else (ARP, LLDP...) give empty.
 */
final class LinkLayer {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int MAX_VLAN_TAGS = 4;

    private LinkLayer() {
    }

    /** The network-layer bytes of {@code p}, or empty when the frame carries no IP. */
    static Optional<ByteBuffer> network(Packet p) throws FormatException {
        ByteCursor c = ByteCursor.over(p.data(), "frame " + p.index());
        int etherType;
        switch (p.linkType()) {
            case LinkType.ETHERNET -> {
                c.skip(12);
                etherType = c.u16();
                for (int tags = 0; isVlan(etherType); tags++) {
                    if (tags == MAX_VLAN_TAGS) {
                        throw c.error("more than " + MAX_VLAN_TAGS + " VLAN tags");
                    }
                    c.skip(2);
                    etherType = c.u16();
                }
            }
            case LinkType.LINUX_SLL -> {
                c.skip(14);
                etherType = c.u16();
            }
            case LinkType.LINUX_SLL2 -> {
                etherType = c.u16();
                c.skip(18);
            }
            case LinkType.NULL, LinkType.LOOP -> {
                // The address family is in host (NULL) or network (LOOP) order and its values
                // differ between systems; the IP version nibble is unambiguous.
                c.skip(4);
                etherType = byVersionNibble(c);
            }
            case LinkType.RAW, LinkType.RAW_DLT12, LinkType.RAW_DLT14 -> etherType = byVersionNibble(c);
            case LinkType.IPV4 -> etherType = ETHERTYPE_IPV4;
            case LinkType.IPV6 -> etherType = ETHERTYPE_IPV6;
            default -> {
                return Optional.empty();
            }
        }
        if (etherType != ETHERTYPE_IPV4 && etherType != ETHERTYPE_IPV6) {
            return Optional.empty();
        }
        return Optional.of(c.buffer().slice(c.position(), c.remaining()));
    }

    private static boolean isVlan(int etherType) {
        return etherType == 0x8100 || etherType == 0x88A8 || etherType == 0x9100;
    }

    private static int byVersionNibble(ByteCursor c) throws FormatException {
        int version = c.sliceAt(c.position(), 1, "IP version").u8() >> 4;
        return version == 4 ? ETHERTYPE_IPV4 : version == 6 ? ETHERTYPE_IPV6 : -1;
    }
}
