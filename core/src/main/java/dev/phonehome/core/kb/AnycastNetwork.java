package dev.phonehome.core.kb;

import java.util.List;

/**
 * An autonomous system whose servers are not where registries place them: anycast networks
 * (one address announced from many sites) and CDNs (DNS picks an edge near the client).
 *
 * @param asn        autonomous system number
 * @param operator   who runs it
 * @param kind       why its location is uncertain
 * @param provenance sources
 */
public record AnycastNetwork(Long asn, String operator, AnycastKind kind, List<Provenance> provenance) {
    public AnycastNetwork {
        provenance = provenance == null ? null : List.copyOf(provenance);
    }
}
