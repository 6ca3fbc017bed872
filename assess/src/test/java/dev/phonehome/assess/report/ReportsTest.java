package dev.phonehome.assess.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phonehome.assess.TrafficSample;
import dev.phonehome.assess.model.Assessment;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private final Assessment assessment = TrafficSample.assessment();

    @Test
    void csvQuotesByRfc4180AndDefusesFormulas() {
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(List.of("+1", "-2", "@SUM(A1)", "\tx", "\rx")).allSatisfy(c -> assertThat(Csv.cell(c)).contains("'"));
        assertThat(new Csv().row("a", "b").row("c", "").toString()).isEqualTo("a,b\r\nc,\r\n");
    }

    @Test
    void destinationsCsvHasOneRowPerHostWithItsRegime() {
        String[] lines = CsvTables.destinations(assessment).split("\r\n");
        assertThat(lines[0]).startsWith("host,organisation,organisation_country,ip_country,regime");
        assertThat(lines).hasSize(1 + assessment.destinations().size());
        assertThat(lines[1]).startsWith("sa.api.intl.miui.com,Sensors Data (Shence Data),CN,,THIRD_COUNTRY,true,1,"
                + "com.phonehome.sample.browser,");
    }

    @Test
    void parametersCsvListsStaticKeysAndObservedValues() {
        String csv = CsvTables.parameters(assessment);
        assertThat(csv).contains("static,,com.phonehome.sample.browser,sensors-data,search_keyword,")
                .contains("traffic,www.google-analytics.com,com.phonehome.sample.browser,google-analytics,dl,"
                        + "body > form:dl,news,1");
    }

    @Test
    void markdownEscapesHostileTextAndListsEveryRisk() {
        assertThat(MarkdownText.escape("[x](javascript:alert(1)) <img> a|b `c` *d*"))
                .isEqualTo("\\[x\\](javascript:alert(1)) \\<img\\> a\\|b \\`c\\` \\*d\\*");
        assertThat(MarkdownText.escape("one\ntwo")).isEqualTo("one two");
        String md = MarkdownSummary.render(assessment);
        assertThat(md).startsWith("# phonehome assessment: Sample Phone 1\n")
                .contains("| THIRD_COUNTRY_TRANSFER | 0 | 1 | 0 | 0 | 0 |")
                .contains("### PH-COV-003 CRITICAL: Encrypted telemetry: sa.api.intl.miui.com")
                .contains("- Score: base HIGH, third_country +1 = CRITICAL");
        assessment.risks().forEach(r -> assertThat(md).contains("`" + r.fingerprint() + "`"));
    }

    @Test
    void sarifHasStableRuleIdsFingerprintsAndCodeLocations() throws Exception {
        JsonNode sarif = new ObjectMapper().readTree(SarifReport.render(assessment, "0.1.0"));
        JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
        assertThat(rules).hasSize(assessment.rules().size());
        JsonNode results = sarif.at("/runs/0/results");
        assertThat(results).hasSize(assessment.risks().size());
        JsonNode sms = null;
        for (JsonNode r : results) {
            assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
            if (r.get("ruleId").asText().equals("PH-COV-001")) {
                sms = r;
            }
        }
        assertThat(sms).isNotNull();
        assertThat(sms.at("/level").asText()).isEqualTo("error");
        assertThat(sms.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("system/priv-app/CloudService/CloudService.apk");
        assertThat(sms.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .startsWith("Lcom/phonehome/sample/cloud/RegistrationService;->onStartCommand(");
        assertThat(sms.at("/locations/0/logicalLocations/0/kind").asText()).isEqualTo("function");
        assertThat(sms.at("/partialFingerprints/phonehomeRisk~1v1").asText()).matches("[0-9a-f]{20}");
        assertThat(Uris.relative("system/app/My App:x/ä.apk")).isEqualTo("system/app/My%20App%3Ax/%C3%A4.apk");
    }
}
