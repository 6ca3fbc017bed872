package dev.phonehome.assess.rules;

import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.Score;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.kb.Regime;
import java.util.ArrayList;
import java.util.List;

/**
 * The scoring method of {@code docs/assessment-schema.md#scoring}: base severity as points
 * (INFO 0 … CRITICAL 4), plus the rule's weight for each {@link Factor} that holds, clamped to 0–4.
 */
final class Scoring {
    /** What the factors are decided from. */
    record Facts(boolean privilegedApp, EvidenceLevel level, List<AssessedExchange> traffic) {
    }

    private Scoring() {
    }

    static Score score(RiskRule rule, Facts facts) {
        List<Score.Factor> held = new ArrayList<>();
        int points = rule.severity().ordinal();
        for (Factor factor : Factor.values()) {
            Integer weight = rule.scoring().get(factor.key());
            if (weight != null && holds(factor, facts)) {
                held.add(new Score.Factor(factor.key(), weight));
                points += weight;
            }
        }
        int clamped = Math.max(0, Math.min(Severity.CRITICAL.ordinal(), points));
        return new Score(rule.severity(), held, clamped);
    }

    private static boolean holds(Factor factor, Facts f) {
        return switch (factor) {
            case PRIVILEGED_APP -> f.privilegedApp();
            case PRESENT_ONLY -> f.level() == EvidenceLevel.PRESENT;
            case OBSERVED -> f.level().compareTo(EvidenceLevel.OBSERVED) >= 0;
            case LINKED -> f.level() == EvidenceLevel.LINKED;
            case THIRD_COUNTRY -> f.traffic().stream().anyMatch(x -> x.exchange().destination().regime()
                    .filter(Regime.Kind.THIRD_COUNTRY::equals).isPresent());
            case PERSONAL_DATA -> f.traffic().stream().anyMatch(x -> !x.exchange().personalData().isEmpty());
            case CLEARTEXT -> f.traffic().stream().anyMatch(x -> x.exchange().url().startsWith("http://"));
        };
    }
}
