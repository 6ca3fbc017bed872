package dev.phonehome.assess.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.assess.model.AppEntry;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.model.RiskStatus;
import dev.phonehome.assess.report.html.Anchors;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assessment page's structure, parsed as a browser parses it, for the sample firmware with and without traffic. */
class AssessmentHtmlReportTest {
    @TempDir
    static Path dir;
    static Assessment sample;
    static Assessment traffic;
    static Document sampleDoc;
    static Document trafficDoc;

    @BeforeAll
    static void render() throws Exception {
        sample = ReportAssessments.sample();
        traffic = ReportAssessments.traffic(dir);
        sampleDoc = Jsoup.parse(AssessmentHtmlReport.render(sample));
        trafficDoc = Jsoup.parse(AssessmentHtmlReport.render(traffic));
    }

    @Test
    void everySectionIsThere() {
        for (Document doc : List.of(sampleDoc, trafficDoc)) {
            assertThat(doc.select("main > section[id]").eachAttr("id")).containsExactly("summary", "risks", "flows",
                    "trackers", "parameters", "personal-data", "capture", "apps", "rules", "problems");
        }
        assertThat(trafficDoc.title()).isEqualTo("phonehome assessment: Phonehome Sample One");
        assertThat(trafficDoc.select("#summary").text()).contains("sample/one:14/UP1A/1:user", "phone.pcapng",
                "2026-11-30T10:00:00Z to 2026-11-30T10:02:15Z", "user_experience_programme = true");
    }

    @Test
    void theRegisterHasOneEntryPerRiskWithItsSeverityScoreAndEvidence() {
        for (Assessment a : List.of(sample, traffic)) {
            Document doc = a == sample ? sampleDoc : trafficDoc;
            assertThat(doc.select("#risks tbody.risk")).hasSize(a.risks().size());
            for (Risk r : a.risks()) {
                Element entry = doc.getElementById(Anchors.risk(r.fingerprint()));
                assertThat(entry).as(r.id() + " " + r.subject()).isNotNull();
                assertThat(entry.attr("data-severity")).isEqualTo(r.severity().name());
                assertThat(entry.select(".sev").text()).isEqualTo(r.severity().name());
                assertThat(entry.text()).contains(r.id(), r.lowerBy(), r.score().points() + " point");
                assertThat(entry.select("ul.evidence > li")).hasSize(r.evidence().size());
            }
        }
        Risk suppressed = traffic.risks().stream().filter(r -> r.status() == RiskStatus.SUPPRESSED).findFirst()
                .orElseThrow();
        Element entry = trafficDoc.getElementById(Anchors.risk(suppressed.fingerprint()));
        assertThat(entry.hasClass("suppressed")).isTrue();
        assertThat(entry.text()).contains("suppressed: Only example.org is reached over HTTP (ticket 7).");
    }

    @Test
    void evidenceLinksDownToTheFindingInTheAppAndToTheExchange() {
        Risk sms = sample.risks().stream().filter(r -> r.id().equals("PH-COV-001")).findFirst().orElseThrow();
        Element link = sampleDoc.getElementById(Anchors.risk(sms.fingerprint())).selectFirst("ul.evidence a");
        Element finding = sampleDoc.getElementById(link.attr("href").substring(1));
        assertThat(finding.tagName()).isEqualTo("tr");
        assertThat(finding.closest("section.app").id()).isEqualTo(Anchors.app(ReportAssessments.CLOUD));
        assertThat(finding.text()).contains("RegistrationService;->onStartCommand(", "sendTextMessage");

        Risk transfer = traffic.risks().stream().filter(r -> r.id().equals("PH-TRF-001")).findFirst().orElseThrow();
        Element exchange = trafficDoc.getElementById(trafficDoc.getElementById(Anchors.risk(transfer.fingerprint()))
                .selectFirst("ul.evidence a").attr("href").substring(1));
        assertThat(exchange.closest("table").hasClass("exchanges")).isTrue();
        assertThat(exchange.text()).contains("https://sa.api.intl.miui.com/sa?project=default", "static_endpoint");
    }

    @Test
    void everyInternalLinkHasItsTarget() {
        for (Document doc : List.of(sampleDoc, trafficDoc)) {
            List<String> targets = doc.select("a[href]").eachAttr("href");
            assertThat(targets).hasSizeGreaterThan(40).allSatisfy(href -> {
                assertThat(href).startsWith("#");
                assertThat(doc.getElementById(href.substring(1))).as(href).isNotNull();
            });
        }
    }

    @Test
    void eachAppHasASectionWithItsFactsTrackersRisksAndFindings() {
        assertThat(sampleDoc.select("section.app")).hasSize(sample.apps().size());
        for (AppEntry app : sample.apps()) {
            Element section = sampleDoc.getElementById(Anchors.app(app.id()));
            assertThat(section.text()).contains(app.id(), app.sha256(), app.partition());
            assertThat(section.select("table.findings tbody tr")).hasSize(app.findings().size());
        }
        Element browser = sampleDoc.getElementById(Anchors.app(ReportAssessments.BROWSER));
        assertThat(browser.select("td").text()).contains("Google Analytics (Google LLC, US)");
        assertThat(browser.select("ul.evidence a[href^=#risk-]"))
                .hasSize((int) sample.risks().stream().filter(r -> r.apps().contains(ReportAssessments.BROWSER)).count());
    }

    @Test
    void theFlowMapColoursEachCountryByItsJurisdiction() {
        Element map = trafficDoc.selectFirst("#flows svg#flow-map");
        assertThat(map).isNotNull();
        assertThat(map.select("g.node.j-THIRD_COUNTRY text").text()).startsWith("CN · third country · 2 exchanges");
        assertThat(map.select("g.node.j-EEA text").text()).startsWith("DE · EU/EEA · 1 exchange");
        assertThat(map.select("g.node.j-UNKNOWN text").text()).startsWith("unknown country");
        assertThat(map.select("g.flow-org text").eachText()).anyMatch(t -> t.startsWith("Sensors Data"))
                .anyMatch(t -> t.startsWith("Google LLC"));
        // device → 3 organisations (both unknown hosts share one), then one band per organisation and country
        assertThat(map.select("path.band.flow-out")).hasSize(3);
        assertThat(map.select("path.band:not(.flow-out)")).hasSize(4);
        assertThat(trafficDoc.select("#flows table.destinations tbody tr")).hasSize(traffic.destinations().size());
        assertThat(sampleDoc.selectFirst("svg#flow-map")).isNull();
        assertThat(sampleDoc.select("#flows").text()).contains("No traffic was captured");
    }

    @Test
    void trackersAreGroupedByOrganisationAndCountry() {
        assertThat(trafficDoc.select("#trackers tbody tr")).extracting(r -> r.child(0).text() + "|" + r.child(1).text())
                .containsExactly("Google LLC|US", "Sensors Data (Shence Data)|CN");
        Element sensors = trafficDoc.select("#trackers tbody tr").get(1);
        assertThat(sensors.text()).contains(ReportAssessments.BROWSER, "sa.api.intl.miui.com", "third country");
    }

    @Test
    void parameterTablesNameTheStandardPropertyAndThePersonalDataMatrixCountsExchanges() {
        Element imei = trafficDoc.select("#parameters tr").stream()
                .filter(r -> r.childrenSize() > 0 && r.child(0).text().equals("imei")).findFirst().orElseThrow();
        assertThat(imei.child(1).text()).isEqualTo("imei");
        assertThat(imei.child(2).text()).isEqualTo("861234567890123");
        assertThat(trafficDoc.select("#parameters h3").eachText()).contains("Sent to sa.api.intl.miui.com (sensors-data)",
                "Passed to sensors-data by app code of com.phonehome.sample.browser");

        Element matrix = trafficDoc.selectFirst("#personal-data table.matrix");
        assertThat(matrix.select("thead th").eachText()).containsExactly("destination", "jurisdiction", "android_id",
                "imei", "location");
        assertThat(matrix.select("tbody tr")).extracting(r -> r.child(0).text() + "=" + r.select("td.hit").text())
                .containsExactly("sa.api.intl.miui.com=1", "telemetry.example.de=1", "www.google-analytics.com=1");
    }

    @Test
    void theTimelineDrawsEveryExchangeAndLinksToIt() {
        Element timeline = trafficDoc.selectFirst("#capture svg#timeline");
        assertThat(timeline.select("circle.dot")).hasSize(traffic.exchanges().size());
        assertThat(timeline.select("a").eachAttr("href")).allSatisfy(h -> assertThat(trafficDoc.getElementById(
                h.substring(1)).closest("table.exchanges")).isNotNull());
        assertThat(timeline.select("text.lane-label").eachText()).containsExactly("sa.api.intl.miui.com",
                "www.google-analytics.com", "telemetry.example.de", "unknown.example.net");
    }

    @Test
    void thePageLoadsNothing() {
        for (Document doc : List.of(sampleDoc, trafficDoc)) {
            assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                    .startsWith("default-src 'none';");
            assertThat(doc.select("[src], link, iframe, object, embed, img, base, form")).isEmpty();
            assertThat(doc.select("script")).hasSize(1).allSatisfy(s -> assertThat(s.data()).doesNotContain(
                    "fetch(", "XMLHttpRequest", "import(", "WebSocket"));
            assertThat(doc.select("style").html()).doesNotContain("url(", "@import");
        }
    }

    @Test
    void theSameAssessmentGivesTheSameBytes() throws Exception {
        assertThat(AssessmentHtmlReport.render(ReportAssessments.traffic(dir))).isEqualTo(AssessmentHtmlReport.render(traffic));
    }
}
