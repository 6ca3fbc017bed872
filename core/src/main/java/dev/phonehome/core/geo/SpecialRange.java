package dev.phonehome.core.geo;

/**
 * A special-purpose address block (IANA registries, RFC 6890).
 *
 * @param prefix    the block
 * @param use       what it is for
 * @param reference the RFC that reserves it, e.g. {@code RFC 1918}
 */
public record SpecialRange(IpPrefix prefix, AddressUse use, String reference) {
    /** e.g. {@code local network (RFC 1918, 10.0.0.0/8)}. */
    public String describe() {
        return use.label() + " (" + reference + ", " + prefix + ")";
    }
}
