package dev.phonehome.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.model.RiskCategory;
import dev.phonehome.assess.model.RiskEvidence;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.json.CanonicalJson;
import org.junit.jupiter.api.Test;

/** The static risks of the bundled sample firmware: each expected one, its evidence and severity, nothing else. */
class SampleAssessmentTest {
    private static final String ADFILTER = "com.phonehome.sample.adfilter";
    private static final String BROWSER = "com.phonehome.sample.browser";
    private static final String CLOUD = "com.phonehome.sample.cloud";
    private static final String IMS = "com.phonehome.sample.ims";

    private final Assessment assessment = SampleScan.assessor().assess(SampleScan.staticInput());

    @Test
    void theRegisterHoldsExactlyTheExpectedRisks() {
        assertThat(assessment.risks())
                .extracting(Risk::id, r -> r.apps().get(0), Risk::severity, Risk::level)
                .containsExactlyInAnyOrder(
                        tuple("PH-FOE-001", ADFILTER, Severity.HIGH, EvidenceLevel.REFERENCED),
                        tuple("PH-LEAK-001", BROWSER, Severity.LOW, EvidenceLevel.PRESENT),
                        tuple("PH-LEAK-002", BROWSER, Severity.MEDIUM, EvidenceLevel.REFERENCED),
                        tuple("PH-LEAK-002", BROWSER, Severity.MEDIUM, EvidenceLevel.REFERENCED),
                        tuple("PH-SEC-003", BROWSER, Severity.LOW, EvidenceLevel.PRESENT),
                        tuple("PH-LEAK-001", CLOUD, Severity.HIGH, EvidenceLevel.REFERENCED),
                        tuple("PH-COV-001", CLOUD, Severity.HIGH, EvidenceLevel.REFERENCED),
                        tuple("PH-COV-002", CLOUD, Severity.HIGH, EvidenceLevel.PRESENT),
                        tuple("PH-SEC-002", CLOUD, Severity.HIGH, EvidenceLevel.PRESENT),
                        tuple("PH-LEAK-001", IMS, Severity.MEDIUM, EvidenceLevel.REFERENCED),
                        tuple("PH-SEC-001", IMS, Severity.HIGH, EvidenceLevel.PRESENT),
                        tuple("PH-SEC-002", IMS, Severity.MEDIUM, EvidenceLevel.PRESENT),
                        tuple("PH-SUP-001", IMS, Severity.HIGH, EvidenceLevel.PRESENT),
                        tuple("PH-SUP-003", IMS, Severity.LOW, EvidenceLevel.PRESENT));
        assertThat(assessment.summary().openRisks()).isEqualTo(14);
        assertThat(assessment.summary().risksByCategory()).containsEntry("SUPPLY_CHAIN", 2)
                .containsEntry("COVERT_COMMUNICATION", 2).containsEntry("FREEDOM_OF_EXPRESSION", 1);
    }

    @Test
    void silentSmsRiskCitesTheCallSiteAndTheConstantNumber() {
        Risk sms = risk("PH-COV-001", CLOUD);
        assertThat(sms.category()).isEqualTo(RiskCategory.COVERT_COMMUNICATION);
        assertThat(sms.evidence()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("finding");
            assertThat(e.rule()).isEqualTo("capability.sms.silent");
            assertThat(e.location()).startsWith(
                    "classes.dex Lcom/phonehome/sample/cloud/RegistrationService;->onStartCommand(");
            assertThat(e.detail()).contains("SmsManager;->sendTextMessage");
        });
        assertThat(sms.lowerBy()).isNotBlank();
    }

    @Test
    void scoresShowTheFactorsThatRaisedOrLoweredTheBase() {
        Risk port = risk("PH-COV-002", CLOUD);
        assertThat(port.score().base()).isEqualTo(Severity.MEDIUM);
        assertThat(port.score().factors()).extracting(f -> f.factor()).containsExactly("privileged_app");
        Risk androidId = risk("PH-LEAK-001", BROWSER);
        assertThat(androidId.score().base()).isEqualTo(Severity.MEDIUM);
        assertThat(androidId.score().factors()).extracting(f -> f.factor()).containsExactly("present_only");
        assertThat(assessment.apps()).filteredOn(a -> a.id().equals(CLOUD)).singleElement()
                .satisfies(a -> assertThat(a.privileges()).containsExactly("platform-key", "priv-app",
                        "shared-uid:android.uid.system"));
    }

    @Test
    void keywordListRiskNamesTheCodeApplyingTheList() {
        Risk list = risk("PH-FOE-001", ADFILTER);
        assertThat(list.evidence()).extracting(RiskEvidence::location)
                .contains("assets/ad_blacklist.txt")
                .anyMatch(l -> l.contains("AdTitleFilter;->shouldHide("));
    }

    @Test
    void sdkRisksAreOnePerTrackerWithStableFingerprints() {
        assertThat(assessment.risks()).filteredOn(r -> r.id().equals("PH-LEAK-002"))
                .extracting(Risk::title)
                .anyMatch(t -> t.contains("Google Analytics")).anyMatch(t -> t.contains("Sensors"));
        Assessment again = SampleScan.assessor().assess(SampleScan.staticInput());
        assertThat(CanonicalJson.toString(again)).isEqualTo(CanonicalJson.toString(assessment));
        assertThat(assessment.risks()).extracting(Risk::fingerprint).doesNotHaveDuplicates()
                .allMatch(f -> f.matches("[0-9a-f]{20}"));
    }

    private Risk risk(String id, String app) {
        return assessment.risks().stream().filter(r -> r.id().equals(id) && r.apps().contains(app)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " on " + app + " missing"));
    }
}
