package dev.phonehome.assess.model;

import dev.phonehome.core.finding.Severity;
import java.util.List;

/**
 * A risk rule as reports describe it (SARIF rule metadata, the register's legend).
 *
 * @param id         stable rule id
 * @param title      what the rule reports
 * @param category   register category
 * @param severity   base severity before scoring
 * @param rationale  why it is a risk
 * @param lowerBy    what would lower it
 * @param references sources a reader can check
 */
public record RuleInfo(String id, String title, RiskCategory category, Severity severity, String rationale,
                       String lowerBy, List<Reference> references) {
    public RuleInfo {
        references = List.copyOf(references);
    }

    /** A citable source. */
    public record Reference(String title, String url) {
    }
}
