package dev.phonehome.core.geo;

/** What an address is for, when it is not an ordinary public Internet address. */
public enum AddressUse {
    /** A private or shared network behind the phone: RFC 1918, RFC 6598 (carrier-grade NAT), RFC 4193. */
    LOCAL_NETWORK("local network"),
    /** This host: 127.0.0.0/8, ::1. */
    LOOPBACK("loopback"),
    /** The link only: 169.254.0.0/16, fe80::/10. */
    LINK_LOCAL("link-local"),
    /** Reserved for examples and documentation: RFC 5737, RFC 3849, RFC 9637. */
    DOCUMENTATION("documentation range"),
    /** Reserved for benchmarking: RFC 2544, RFC 5180. */
    BENCHMARKING("benchmarking range"),
    /** Multicast groups. */
    MULTICAST("multicast"),
    /** Unspecified, "this network", reserved or broadcast. */
    RESERVED("reserved range");

    private final String label;

    AddressUse(String label) {
        this.label = label;
    }

    /** How reports name the use, e.g. {@code local network}. */
    public String label() {
        return label;
    }
}
