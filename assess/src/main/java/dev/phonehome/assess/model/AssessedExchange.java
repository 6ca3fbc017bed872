package dev.phonehome.assess.model;

import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.core.finding.EvidenceLevel;
import java.util.List;
import java.util.Optional;

/**
 * An observed exchange with what correlation linked it to.
 *
 * @param exchange the exchange as observed
 * @param links    every link to an app or SDK, strongest first
 * @param app      the app the strongest app link names, when one does
 * @param level    {@code OBSERVED}, or {@code LINKED} when static evidence of an app matches it
 */
public record AssessedExchange(ObservedExchange exchange, List<Link> links, Optional<String> app,
                               EvidenceLevel level) {
    public AssessedExchange {
        links = links.stream().sorted().toList();
    }
}
