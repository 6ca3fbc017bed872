package dev.phonehome.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Link;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.kb.Regime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Traffic of the sample's apps, as a HAR built here, joined with the static scan. */
class TrafficAssessmentTest {
    private static final String BROWSER = "com.phonehome.sample.browser";
    static Assessment assessment;

    @BeforeAll
    static void assess() {
        assessment = TrafficSample.assessment();
    }

    @Test
    void trafficToTheHostAnAppsCodeNamesIsLinkedToThatApp() {
        AssessedExchange sensors = exchange("sa.api.intl.miui.com");
        assertThat(sensors.level()).isEqualTo(EvidenceLevel.LINKED);
        assertThat(sensors.app()).contains(BROWSER);
        assertThat(sensors.links()).extracting(Link::basis, Link::level)
                .contains(tuple(Link.Basis.STATIC_ENDPOINT, EvidenceLevel.LINKED),
                        tuple(Link.Basis.STATIC_SDK, EvidenceLevel.LINKED),
                        tuple(Link.Basis.NETWORK_SIGNATURE, EvidenceLevel.OBSERVED));
        assertThat(sensors.links().get(0).evidence()).contains("SensorsDataAPI;->send(");
        assertThat(sensors.exchange().destination().organisationCountry()).contains("CN");
        assertThat(sensors.exchange().destination().regime()).contains(Regime.Kind.THIRD_COUNTRY);
        assertThat(sensors.exchange().destination().locationUncertain()).isTrue();
    }

    @Test
    void trafficNoAppExplainsStaysObservedWithoutAnApp() {
        AssessedExchange unknown = exchange("unknown.example.net");
        assertThat(unknown.level()).isEqualTo(EvidenceLevel.OBSERVED);
        assertThat(unknown.app()).isEmpty();
        assertThat(unknown.links()).isEmpty();
        assertThat(unknown.exchange().parameters()).extracting(p -> p.name()).containsExactly("a");
    }

    @Test
    void trafficRisksAppearPerHostAndRaiseTheStaticSdkRisk() {
        assertThat(assessment.risks()).filteredOn(r -> !r.destinations().isEmpty())
                .extracting(Risk::id, Risk::subject, Risk::severity)
                .contains(tuple("PH-COV-003", "sa.api.intl.miui.com", Severity.CRITICAL),
                        tuple("PH-TRF-001", "sa.api.intl.miui.com", Severity.HIGH),
                        tuple("PH-LEAK-004", "sa.api.intl.miui.com", Severity.HIGH));
        Risk encrypted = assessment.risks().stream().filter(r -> r.id().equals("PH-COV-003")).findFirst().orElseThrow();
        assertThat(encrypted.evidence()).singleElement().satisfies(e -> {
            assertThat(e.exchange()).contains(exchange("sa.api.intl.miui.com").exchange().id());
            assertThat(e.path()).hasValueSatisfying(p -> assertThat(p).contains("encrypted-payload(sensorsdata-gzip-9)"));
        });
        Risk sdk = assessment.risks().stream().filter(r -> r.id().equals("PH-LEAK-002") && r.title().contains("Sensors"))
                .findFirst().orElseThrow();
        assertThat(sdk.level()).isEqualTo(EvidenceLevel.LINKED);
        assertThat(sdk.severity()).isEqualTo(Severity.HIGH);
        assertThat(sdk.score().factors()).extracting(f -> f.factor()).containsExactly("linked");
    }

    @Test
    void destinationsAndParametersSumUpTheTraffic() {
        assertThat(assessment.destinations()).extracting(d -> d.host(), d -> d.exchanges(), d -> d.level())
                .containsExactly(tuple("sa.api.intl.miui.com", 1L, EvidenceLevel.LINKED),
                        tuple("unknown.example.net", 1L, EvidenceLevel.OBSERVED),
                        tuple("www.google-analytics.com", 1L, EvidenceLevel.LINKED));
        assertThat(assessment.parameters()).filteredOn(p -> p.source().equals("traffic") && p.host()
                .filter("www.google-analytics.com"::equals).isPresent()).extracting(p -> p.name())
                .containsExactlyInAnyOrder("v", "t", "dl");
        assertThat(assessment.parameters()).filteredOn(p -> p.source().equals("static"))
                .extracting(p -> p.name()).contains("search_keyword", "dl");
        assertThat(assessment.inputs().asOf()).isEqualTo("2026-11-30");
        assertThat(assessment.summary().linkedExchanges()).isEqualTo(2);
    }

    private static AssessedExchange exchange(String host) {
        return assessment.exchanges().stream().filter(x -> x.exchange().host().equals(host)).findFirst().orElseThrow();
    }
}
