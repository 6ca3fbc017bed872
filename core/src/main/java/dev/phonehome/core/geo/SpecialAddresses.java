package dev.phonehome.core.geo;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The special-purpose blocks of the IANA IPv4 and IPv6 registries that never name a place on the
 * Internet. An address inside one is reported by its use and never given a country. These are
 * protocol constants, so they live in code rather than in the knowledge base.
 */
public final class SpecialAddresses {
    private static final List<SpecialRange> RANGES = List.of(
            range("0.0.0.0/8", AddressUse.RESERVED, "RFC 791"),
            range("10.0.0.0/8", AddressUse.LOCAL_NETWORK, "RFC 1918"),
            range("100.64.0.0/10", AddressUse.LOCAL_NETWORK, "RFC 6598"),
            range("127.0.0.0/8", AddressUse.LOOPBACK, "RFC 1122"),
            range("169.254.0.0/16", AddressUse.LINK_LOCAL, "RFC 3927"),
            range("172.16.0.0/12", AddressUse.LOCAL_NETWORK, "RFC 1918"),
            range("192.0.0.0/24", AddressUse.RESERVED, "RFC 6890"),
            range("192.0.2.0/24", AddressUse.DOCUMENTATION, "RFC 5737"),
            range("192.168.0.0/16", AddressUse.LOCAL_NETWORK, "RFC 1918"),
            range("198.18.0.0/15", AddressUse.BENCHMARKING, "RFC 2544"),
            range("198.51.100.0/24", AddressUse.DOCUMENTATION, "RFC 5737"),
            range("203.0.113.0/24", AddressUse.DOCUMENTATION, "RFC 5737"),
            range("224.0.0.0/4", AddressUse.MULTICAST, "RFC 5771"),
            range("240.0.0.0/4", AddressUse.RESERVED, "RFC 1112"),
            range("::/128", AddressUse.RESERVED, "RFC 4291"),
            range("::1/128", AddressUse.LOOPBACK, "RFC 4291"),
            range("100::/64", AddressUse.RESERVED, "RFC 6666"),
            range("2001:2::/48", AddressUse.BENCHMARKING, "RFC 5180"),
            range("2001:db8::/32", AddressUse.DOCUMENTATION, "RFC 3849"),
            range("3fff::/20", AddressUse.DOCUMENTATION, "RFC 9637"),
            range("fc00::/7", AddressUse.LOCAL_NETWORK, "RFC 4193"),
            range("fe80::/10", AddressUse.LINK_LOCAL, "RFC 4291"),
            range("ff00::/8", AddressUse.MULTICAST, "RFC 4291"));

    private SpecialAddresses() {
    }

    private static SpecialRange range(String prefix, AddressUse use, String reference) {
        return new SpecialRange(IpPrefix.of(prefix), use, reference);
    }

    /** The special-purpose block holding {@code address}, or empty for an ordinary public address. */
    public static Optional<SpecialRange> of(InetAddress address) {
        for (SpecialRange r : RANGES) {
            if (r.prefix().contains(address)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
