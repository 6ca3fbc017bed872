package dev.phonehome.core.kb;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who runs some hosts, by the trackers whose network signatures match them.
 *
 * @param trackers     matching trackers, sorted by id; the first one names the owner
 * @param organisation the first tracker's organisation, when the knowledge base has it
 */
public record HostOwnership(List<Tracker> trackers, Optional<Organisation> organisation) {
    public static final HostOwnership NONE = new HostOwnership(List.of(), Optional.empty());

    public HostOwnership {
        trackers = List.copyOf(trackers);
    }

    /** Whether any tracker matched. */
    public boolean known() {
        return !trackers.isEmpty();
    }

    /** The tracker naming the owner. */
    public Optional<Tracker> primary() {
        return trackers.stream().findFirst();
    }

    /**
     * Finds the owner of {@code hosts} (host names, any case).
     *
     * @param kb    the knowledge base
     * @param hosts the hosts of one registrable domain, or a single server name
     */
    public static HostOwnership of(KnowledgeBase kb, Iterable<String> hosts) {
        TreeMap<String, Tracker> trackers = new TreeMap<>();
        for (String host : hosts) {
            for (NetworkMatch m : kb.networkSignatures().match(host)) {
                trackers.put(m.tracker().id(), m.tracker());
            }
        }
        if (trackers.isEmpty()) {
            return NONE;
        }
        return new HostOwnership(List.copyOf(trackers.values()),
                kb.organisations().byId(trackers.firstEntry().getValue().organisation()));
    }
}
