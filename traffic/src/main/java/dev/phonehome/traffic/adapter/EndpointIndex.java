package dev.phonehome.traffic.adapter;

import dev.phonehome.core.kb.DomainTrie;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the endpoints that may apply to a host in one pass over its labels: exact hosts in a map,
 * domains in a {@link DomainTrie} (so {@code adjust.com} covers {@code app.adjust.com}, never
 * {@code notadjust.com}). Regexes only narrow what this finds.
 */
final class EndpointIndex {
    /** Longest DNS name (RFC 1035); longer "hosts" are hostile and match nothing. */
    static final int MAX_HOST_LENGTH = 253;

    record Candidate(CompiledAdapter adapter, CompiledAdapter.Endpoint endpoint) {
    }

    private final Map<String, List<Candidate>> exact = new HashMap<>();
    private final DomainTrie<Candidate> domains = new DomainTrie<>();

    EndpointIndex(List<CompiledAdapter> adapters) {
        for (CompiledAdapter a : adapters) {
            for (CompiledAdapter.Endpoint e : a.endpoints) {
                Candidate c = new Candidate(a, e);
                if (e.endpoint().host() != null) {
                    exact.computeIfAbsent(e.endpoint().host(), h -> new ArrayList<>()).add(c);
                } else {
                    domains.add(e.endpoint().domain(), c);
                }
            }
        }
    }

    /** Candidates for a lower-case host without trailing dot: exact hosts first, then domains. */
    List<Candidate> lookup(String host) {
        if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
            return List.of();
        }
        List<Candidate> found = new ArrayList<>(exact.getOrDefault(host, List.of()));
        found.addAll(domains.find(host));
        return found;
    }
}
