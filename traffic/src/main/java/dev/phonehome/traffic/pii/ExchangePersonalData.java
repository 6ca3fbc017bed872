package dev.phonehome.traffic.pii;

import dev.phonehome.core.Problem;
import java.util.List;
import java.util.Objects;

/**
 * The personal data found in one exchange's request.
 *
 * @param hits     in request order: leaves as decoded (by offset within each), then coordinates found
 *                 under sibling keys, then the raw request
 * @param problems {@code pii.hits-truncated} when a hostile request held more hits than are kept
 */
public record ExchangePersonalData(String exchangeId, List<PersonalDataHit> hits, List<Problem> problems) {
    public ExchangePersonalData {
        Objects.requireNonNull(exchangeId, "exchangeId");
        hits = List.copyOf(hits);
        problems = List.copyOf(problems);
    }
}
