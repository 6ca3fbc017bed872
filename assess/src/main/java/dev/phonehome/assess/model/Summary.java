package dev.phonehome.assess.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts for an executive summary. Suppressed risks are counted apart, never in the open counts.
 *
 * @param apps               distinct apps
 * @param exchanges          HTTP exchanges observed
 * @param destinations       distinct destination hosts
 * @param linkedExchanges    exchanges linked to an app's static evidence
 * @param openRisks          risks not suppressed
 * @param suppressedRisks    risks accepted through the suppression file
 * @param risksBySeverity    open risks per severity name
 * @param risksByCategory    open risks per category name
 * @param trackers           tracker id → number of apps whose code embeds it
 */
public record Summary(int apps, int exchanges, int destinations, int linkedExchanges, int openRisks,
                      int suppressedRisks, Map<String, Integer> risksBySeverity,
                      Map<String, Integer> risksByCategory, Map<String, Integer> trackers) {
    public Summary {
        risksBySeverity = new TreeMap<>(risksBySeverity);
        risksByCategory = new TreeMap<>(risksByCategory);
        trackers = new TreeMap<>(trackers);
    }
}
