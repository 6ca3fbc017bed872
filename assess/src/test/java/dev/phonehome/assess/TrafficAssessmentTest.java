package dev.phonehome.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Link;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.observe.ExchangeObserver;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.assess.register.Suppressions;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.Regime;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.decode.PayloadDecoder;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import dev.phonehome.traffic.flow.TrafficReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traffic of the sample's apps, as a HAR built here, joined with the static scan. */
class TrafficAssessmentTest {
    private static final String BROWSER = "com.phonehome.sample.browser";
    /** Sensors Data's encrypted upload: gzip=9 marks the data_list as app-layer encrypted. */
    private static final String SENSORS_ENCRYPTED = "data_list=" + Base64.getEncoder()
            .encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).replace("=", "%3D") + "&gzip=9";

    @TempDir
    static Path dir;
    static Assessment assessment;

    @BeforeAll
    static void assess() throws Exception {
        Path har = dir.resolve("sample.har");
        Files.writeString(har, new Hars()
                .post("2026-11-30T10:00:00Z", "https://sa.api.intl.miui.com/sa?project=default", SENSORS_ENCRYPTED,
                        "203.0.113.7")
                .post("2026-11-30T10:00:01Z", "https://www.google-analytics.com/collect", "v=1&t=pageview&dl=news",
                        "198.51.100.3")
                .post("2026-11-30T10:00:02Z", "http://unknown.example.net/x", "a=1", "192.0.2.1")
                .build(), StandardCharsets.UTF_8);
        TrafficReport report = new TrafficAnalyzer().report(har, KeyLog.empty());
        ExchangeObserver observer = new ExchangeObserver(KnowledgeBase.load(), new PayloadDecoder(),
                Assessor.knowledgeDate(KnowledgeBase.load()));
        List<ObservedExchange> observed = report.exchanges().stream().map(x -> observer.observe("sample.har", x)).toList();
        assessment = SampleScan.assessor().assess(new AssessmentInput(Optional.of(SampleScan.get()),
                List.of("sample.har"), observed, Optional.empty(), Suppressions.none(), List.of()));
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
