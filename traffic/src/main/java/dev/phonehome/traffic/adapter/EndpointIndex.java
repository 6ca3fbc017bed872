package dev.phonehome.traffic.adapter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the endpoints that may apply to a host in one pass over its labels: exact hosts in a map,
 * domains in a trie of reversed labels (so {@code adjust.com} covers {@code app.adjust.com}, never
 * {@code notadjust.com}). Regexes only narrow what this finds.
 */
final class EndpointIndex {
    /** Longest DNS name (RFC 1035); longer "hosts" are hostile and match nothing. */
    static final int MAX_HOST_LENGTH = 253;

    record Candidate(CompiledAdapter adapter, CompiledAdapter.Endpoint endpoint) {
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>();
        final List<Candidate> ends = new ArrayList<>();
    }

    private final Map<String, List<Candidate>> exact = new HashMap<>();
    private final Node domains = new Node();

    EndpointIndex(List<CompiledAdapter> adapters) {
        for (CompiledAdapter a : adapters) {
            for (CompiledAdapter.Endpoint e : a.endpoints) {
                Candidate c = new Candidate(a, e);
                if (e.endpoint().host() != null) {
                    exact.computeIfAbsent(e.endpoint().host(), h -> new ArrayList<>()).add(c);
                } else {
                    Node node = domains;
                    String[] labels = e.endpoint().domain().split("\\.");
                    for (int i = labels.length - 1; i >= 0; i--) {
                        node = node.children.computeIfAbsent(labels[i], l -> new Node());
                    }
                    node.ends.add(c);
                }
            }
        }
    }

    /** Candidates for a lower-case host without trailing dot, in KB order (adapters sorted by id). */
    List<Candidate> lookup(String host) {
        if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
            return List.of();
        }
        List<Candidate> found = new ArrayList<>(exact.getOrDefault(host, List.of()));
        Node node = domains;
        int end = host.length();
        while (node != null && end > 0) {
            int dot = host.lastIndexOf('.', end - 1);
            node = node.children.get(host.substring(dot + 1, end));
            if (node != null) {
                found.addAll(node.ends);
            }
            end = dot;
        }
        return found;
    }
}
