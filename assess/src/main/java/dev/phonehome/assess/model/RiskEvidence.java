package dev.phonehome.assess.model;

import dev.phonehome.core.finding.EvidenceLevel;
import java.util.Comparator;
import java.util.Optional;

/**
 * One item of a risk's evidence: a static finding's evidence, or an exchange (and byte path).
 *
 * @param kind      {@code finding} or {@code exchange}
 * @param level     how far this item goes
 * @param app       the app it is about
 * @param finding   fingerprint of the static finding (kind {@code finding})
 * @param rule      the finding's rule id, or the link basis of an exchange
 * @param exchange  id of the exchange (kind {@code exchange})
 * @param location  class/method/manifest location, or the exchange's URL
 * @param path      payload path inside the exchange, e.g. {@code body > json.imei}; or the DEX call site
 * @param detail    what it shows
 */
public record RiskEvidence(String kind, EvidenceLevel level, Optional<String> app, Optional<String> finding,
                           String rule, Optional<String> exchange, String location, Optional<String> path,
                           String detail) implements Comparable<RiskEvidence> {

    private static final Comparator<RiskEvidence> ORDER = Comparator.comparing(RiskEvidence::level).reversed()
            .thenComparing(e -> e.app().orElse(""))
            .thenComparing(RiskEvidence::kind)
            .thenComparing(e -> e.exchange().orElse(""))
            .thenComparing(RiskEvidence::rule)
            .thenComparing(RiskEvidence::location)
            .thenComparing(e -> e.path().orElse(""))
            .thenComparing(RiskEvidence::detail);

    @Override
    public int compareTo(RiskEvidence o) {
        return ORDER.compare(this, o);
    }
}
