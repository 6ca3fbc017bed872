package dev.phonehome.assess.rules;

import dev.phonehome.core.finding.Severity;
import java.util.List;
import java.util.Map;

/**
 * What a rule selects: exactly one of {@code findings} (static) or {@code traffic}.
 *
 * @param findings    finding rule ids; an id ending in {@code .*} matches every id under it
 * @param where       finding attributes that must have these values
 * @param minSeverity the finding's severity must be at least this
 * @param privileged  when true, only findings of apps running with system privileges
 * @param traffic     conditions on an observed exchange, all of which must hold
 */
public record RuleMatch(List<String> findings, Map<String, String> where, Severity minSeverity, Boolean privileged,
                        TrafficMatch traffic) {
    public RuleMatch {
        findings = findings == null ? null : List.copyOf(findings);
        where = where == null ? Map.of() : Map.copyOf(where);
    }

    /**
     * Conditions on an observed exchange; absent ones do not constrain.
     *
     * @param tracker          the host matches a tracker's network signature
     * @param regimes          the destination's transfer regime is one of these
     * @param encryptedPayload some of the request is app-layer encrypted
     * @param personalData     personal data was recognised in the request
     * @param linked           the exchange matches an app's static evidence
     */
    public record TrafficMatch(Boolean tracker, List<String> regimes, Boolean encryptedPayload,
                               Boolean personalData, Boolean linked) {
        public TrafficMatch {
            regimes = regimes == null ? null : List.copyOf(regimes);
        }
    }
}
