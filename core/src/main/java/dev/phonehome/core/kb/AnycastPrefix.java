package dev.phonehome.core.kb;

import java.util.List;

/**
 * A well-known address block announced by anycast, whatever network announces it (public DNS
 * resolvers, CDN edges).
 *
 * @param prefix     CIDR block, e.g. {@code 8.8.8.0/24}
 * @param operator   who runs it
 * @param kind       why its location is uncertain
 * @param provenance sources
 */
public record AnycastPrefix(String prefix, String operator, AnycastKind kind, List<Provenance> provenance) {
    public AnycastPrefix {
        provenance = provenance == null ? null : List.copyOf(provenance);
    }
}
