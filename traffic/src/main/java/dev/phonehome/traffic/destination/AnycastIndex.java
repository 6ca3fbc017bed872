package dev.phonehome.traffic.destination;

import dev.phonehome.core.geo.IpPrefix;
import dev.phonehome.core.kb.AnycastKind;
import dev.phonehome.core.kb.AnycastNetwork;
import dev.phonehome.core.kb.AnycastNetworks;
import dev.phonehome.core.kb.AnycastPrefix;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The knowledge base's anycast and CDN networks, as reasons why a location is uncertain. */
final class AnycastIndex {
    private record Block(IpPrefix prefix, AnycastPrefix entry) {
    }

    private final Map<Long, AnycastNetwork> byAsn = new HashMap<>();
    private final List<Block> blocks = new ArrayList<>();

    AnycastIndex(AnycastNetworks networks) {
        networks.networks().forEach(n -> byAsn.put(n.asn(), n));
        for (AnycastPrefix p : networks.prefixes()) {
            // Prefixes were validated when the knowledge base loaded.
            blocks.add(new Block(IpPrefix.parse(p.prefix()).orElseThrow(), p));
        }
    }

    /** Why {@code address}, announced by {@code asn}, may be served from elsewhere; empty when nothing says so. */
    List<String> reasons(InetAddress address, Optional<Long> asn) {
        List<String> reasons = new ArrayList<>();
        for (Block b : blocks) {
            if (b.prefix().contains(address)) {
                reasons.add(b.prefix() + " is " + describe(b.entry().kind()) + " (" + b.entry().operator() + ")");
            }
        }
        asn.map(byAsn::get).ifPresent(n -> reasons.add("AS" + n.asn() + " (" + n.operator() + ") is " + describe(n.kind())));
        return reasons;
    }

    private static String describe(AnycastKind kind) {
        return kind == AnycastKind.CDN ? "a CDN" : "an anycast network";
    }
}
