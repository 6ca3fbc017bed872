package dev.phonehome.assess.rules;

import dev.phonehome.assess.model.RiskCategory;
import dev.phonehome.assess.model.RuleInfo;
import dev.phonehome.core.finding.Severity;
import java.util.List;
import java.util.Map;

/**
 * One risk rule of {@code rules/risk-rules.json}: which evidence makes a risk, how it is scored,
 * why it matters and what lowers it. Validated by {@link RiskRules}.
 *
 * @param id         stable id, {@code PH-<AREA>-<nnn>}
 * @param title      what the rule reports
 * @param category   register category
 * @param severity   base severity before scoring
 * @param match      the evidence it selects: static findings or observed exchanges
 * @param subject    how matches are grouped into risks: {@code app}, {@code finding} or {@code host}
 * @param scoring    weight per {@link Factor} key, added to the base when the factor holds
 * @param rationale  why this is a risk
 * @param lowerBy    what would lower it
 * @param references sources a reader can check
 * @param provenance where the rule comes from
 */
public record RiskRule(String id, String title, RiskCategory category, Severity severity, RuleMatch match,
                       String subject, Map<String, Integer> scoring, String rationale, String lowerBy,
                       List<RuleInfo.Reference> references, List<RuleProvenance> provenance) {
    public RiskRule {
        scoring = scoring == null ? Map.of() : Map.copyOf(scoring);
        references = references == null ? null : List.copyOf(references);
        provenance = provenance == null ? null : List.copyOf(provenance);
    }

    /** How the register describes the rule. */
    public RuleInfo info() {
        return new RuleInfo(id, title, category, severity, rationale, lowerBy, references);
    }

    /** Where a rule comes from: a source declared in the file, and the date it was written against. */
    public record RuleProvenance(String source, String date, String note) {
    }
}
