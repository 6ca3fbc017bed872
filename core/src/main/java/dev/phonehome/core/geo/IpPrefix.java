package dev.phonehome.core.geo;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * An address block in CIDR notation, e.g. {@code 192.0.2.0/24}.
 *
 * @param network the first address of the block (no bits set past {@code length})
 * @param length  prefix length in bits
 */
public record IpPrefix(InetAddress network, int length) {
    /** Parses {@code address/length}; empty when malformed or when host bits are set. */
    public static Optional<IpPrefix> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || !text.substring(slash + 1).matches("\\d{1,3}")) {
            return Optional.empty();
        }
        Optional<InetAddress> address = IpLiteral.parse(text.substring(0, slash));
        int length = Integer.parseInt(text.substring(slash + 1));
        if (address.isEmpty() || length > address.get().getAddress().length * 8
                || (text.indexOf(':') >= 0) != (address.get().getAddress().length == 16)) {
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        return Arrays.equals(bytes, masked(bytes, length)) ? Optional.of(new IpPrefix(address.get(), length)) : Optional.empty();
    }

    /** Parses a block known to be well formed (tables in code). */
    static IpPrefix of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a CIDR block: " + text));
    }

    /** Whether {@code address} is inside the block (an IPv4 address is never inside an IPv6 block). */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.getAddress().length && Arrays.equals(masked(bytes, length), network.getAddress());
    }

    private static byte[] masked(byte[] bytes, int length) {
        byte[] out = bytes.clone();
        for (int bit = length; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }

    @Override
    public String toString() {
        return IpLiteral.text(network) + "/" + length;
    }
}
