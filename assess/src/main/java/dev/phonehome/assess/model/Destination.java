package dev.phonehome.assess.model;

import dev.phonehome.assess.observe.DestinationFacts;
import dev.phonehome.core.finding.EvidenceLevel;
import java.util.List;

/**
 * The exchanges to one host, summed up: who runs it, where, under which regime, and what went there.
 *
 * @param host         the host name (or address when no name was seen)
 * @param facts        organisation, countries and transfer regime
 * @param exchanges    exchanges to the host
 * @param apps         apps linked to or attributed with those exchanges, sorted
 * @param trackers     trackers matched, sorted
 * @param personalData personal-data types seen, sorted
 * @param level        the strongest level over the exchanges
 * @param firstSeen    time of the first exchange, ISO 8601 UTC
 */
public record Destination(String host, DestinationFacts facts, long exchanges, List<String> apps,
                          List<String> trackers, List<String> personalData, EvidenceLevel level, String firstSeen) {
    public Destination {
        apps = apps.stream().sorted().distinct().toList();
        trackers = trackers.stream().sorted().distinct().toList();
        personalData = personalData.stream().sorted().distinct().toList();
    }
}
