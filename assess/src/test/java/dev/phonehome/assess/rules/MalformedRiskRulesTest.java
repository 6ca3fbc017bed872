package dev.phonehome.assess.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.assess.model.RiskCategory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A bad rules file stops loading with the file, the rule and what is wrong. */
class MalformedRiskRulesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown-factor.json      | rule 'PH-SEC-001' | unknown scoring factor 'root_access'",
            "duplicate-id.json        | rule 'PH-SEC-001' | duplicate id",
            "two-match-kinds.json     | rule 'PH-SEC-002' | exactly one of findings or traffic",
            "unknown-regime.json      | rule 'PH-TRF-001' | regime 'MARS' is not one of",
            "undeclared-source.json   | rule 'PH-SEC-003' | provenance source 'nowhere' is not declared",
            "weight-out-of-range.json | rule 'PH-SEC-004' | weight of 'linked' must be between -2 and 2",
            "bad-id.json              | rule 'sec1'       | id must look like PH-ABC-001",
            "no-rationale.json        | rule 'PH-SEC-005' | rationale is missing",
            "unknown-field.json       | at /rules/[0]/colour | Unrecognized field",
            "truncated.json           | at /rules/[0]     | end-of-input"})
    void namesFileRuleAndDefect(String file, String rule, String message) {
        assertThatThrownBy(() -> RiskRules.parse(file, resource(file)))
                .isInstanceOfSatisfying(RiskRulesException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.rule()).isEqualTo(rule);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void emptyAndWrongHeaderAreRefused() {
        assertThatThrownBy(() -> RiskRules.parse("empty.json", bytes("")))
                .isInstanceOf(RiskRulesException.class).hasMessageContaining("empty.json: at /: No content");
        assertThatThrownBy(() -> RiskRules.parse("v2.json", bytes("{\"schema_version\": 2}")))
                .hasMessageContaining("schema_version is 2, expected 1");
        assertThatThrownBy(() -> RiskRules.parse("deep.json", bytes("[".repeat(5000))))
                .isInstanceOf(RiskRulesException.class).hasMessageStartingWith("deep.json: ");
    }

    @Test
    void shippedRulesCoverEveryCategoryWithSourcedRules() {
        RiskRules rules = RiskRules.load();
        Set<RiskCategory> categories = rules.all().stream().map(RiskRule::category).collect(Collectors.toSet());
        assertThat(categories).containsExactlyInAnyOrder(RiskCategory.values());
        assertThat(rules.all()).allSatisfy(r -> {
            assertThat(r.references()).isNotEmpty();
            assertThat(r.provenance()).isNotEmpty();
        });
        assertThat(rules.version()).matches("\\d{4}\\.\\d{2}\\.\\d{2}");
        assertThat(Arrays.stream(Factor.values()).map(Factor::key)).contains("privileged_app", "present_only");
    }

    private static InputStream resource(String name) {
        return MalformedRiskRulesTest.class.getResourceAsStream("/rules/" + name);
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
