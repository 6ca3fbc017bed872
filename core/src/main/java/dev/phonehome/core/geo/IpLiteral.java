package dev.phonehome.core.geo;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.Optional;

/** IP address literals parsed without DNS: a host name is never resolved, whatever it looks like. */
public final class IpLiteral {
    /** Longer text is no address ({@code ffff:...:255.255.255.255} plus brackets and a zone). */
    private static final int MAX_LENGTH = 64;

    private IpLiteral() {
    }

    /**
     * The address {@code text} spells, if it is an IPv4 or IPv6 literal. Brackets and an IPv6
     * zone ({@code %wlan0}) are accepted; an IPv4-mapped IPv6 address gives the IPv4 address.
     */
    public static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = s.indexOf('%');
        if (zone >= 0 && s.indexOf(':') >= 0) {
            s = s.substring(0, zone);
        }
        return InetAddresses.isInetAddress(s) ? Optional.of(InetAddresses.forString(s)) : Optional.empty();
    }

    /** The canonical text of an address: dotted IPv4, RFC 5952 IPv6. */
    public static String text(InetAddress address) {
        return InetAddresses.toAddrString(address);
    }
}
