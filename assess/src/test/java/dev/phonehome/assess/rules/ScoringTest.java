package dev.phonehome.assess.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.assess.model.RiskCategory;
import dev.phonehome.assess.model.RuleInfo;
import dev.phonehome.assess.model.Score;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoringTest {
    @Test
    void factorsThatHoldAddTheirWeightsAndTheSumIsClamped() {
        RiskRule rule = rule(Severity.HIGH, Map.of("privileged_app", 2, "present_only", -1, "linked", 1));
        Score privileged = Scoring.score(rule, new Scoring.Facts(true, EvidenceLevel.PRESENT, List.of()));
        assertThat(privileged.factors()).extracting(Score.Factor::factor).containsExactly("privileged_app", "present_only");
        assertThat(privileged.points()).isEqualTo(4);
        assertThat(privileged.severity()).isEqualTo(Severity.CRITICAL);

        Score capped = Scoring.score(rule(Severity.CRITICAL, Map.of("linked", 2)),
                new Scoring.Facts(false, EvidenceLevel.LINKED, List.of()));
        assertThat(capped.severity()).isEqualTo(Severity.CRITICAL);
        Score floor = Scoring.score(rule(Severity.LOW, Map.of("present_only", -2)),
                new Scoring.Facts(false, EvidenceLevel.PRESENT, List.of()));
        assertThat(floor.points()).isZero();
        assertThat(floor.severity()).isEqualTo(Severity.INFO);
        Score none = Scoring.score(rule, new Scoring.Facts(false, EvidenceLevel.REFERENCED, List.of()));
        assertThat(none.factors()).isEmpty();
        assertThat(none.severity()).isEqualTo(Severity.HIGH);
    }

    private static RiskRule rule(Severity base, Map<String, Integer> scoring) {
        return new RiskRule("PH-TST-001", "t", RiskCategory.APP_SECURITY, base,
                new RuleMatch(List.of("a.b"), null, null, null, null), "app", scoring, "r", "l",
                List.of(new RuleInfo.Reference("x", "https://example.org/")),
                List.of(new RiskRule.RuleProvenance("s", "2026-01-01", null)));
    }
}
