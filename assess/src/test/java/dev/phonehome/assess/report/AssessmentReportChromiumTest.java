package dev.phonehome.assess.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.core.finding.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real browser, Debian's headless Chromium: screenshots for CI's artefacts
 * ({@code assess/target/report-screenshots/}), the DOM after the page's script ran, no console
 * messages or script errors, the filters working from the URL, hostile values inert.
 */
class AssessmentReportChromiumTest {
    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    @TempDir
    static Path work;
    static HeadlessChromium chromium;
    static Assessment traffic;
    static Path sampleHtml;
    static Path trafficHtml;
    static Path hostileHtml;

    @BeforeAll
    static void render() throws Exception {
        Optional<HeadlessChromium> found = HeadlessChromium.find(work);
        assumeTrue(found.isPresent(), "chromium is not installed (apt-get install -y chromium): browser tests skipped");
        chromium = found.get();
        Files.createDirectories(SCREENSHOTS);
        traffic = ReportAssessments.traffic(work);
        sampleHtml = SCREENSHOTS.resolve("sample-static.html").toAbsolutePath();
        trafficHtml = SCREENSHOTS.resolve("sample-traffic.html").toAbsolutePath();
        hostileHtml = SCREENSHOTS.resolve("hostile.html").toAbsolutePath();
        AssessmentHtmlReport.write(ReportAssessments.sample(), sampleHtml);
        AssessmentHtmlReport.write(traffic, trafficHtml);
        AssessmentHtmlReport.write(ReportAssessments.hostile(work), hostileHtml);
    }

    @Test
    void screenshotsShowTheFirstScreensAndAWholePage() throws Exception {
        screenshot(sampleHtml, SCREENSHOTS.resolve("sample-static.png"), 1600);
        screenshot(trafficHtml, SCREENSHOTS.resolve("sample-traffic.png"), 1600);
        screenshot(trafficHtml, SCREENSHOTS.resolve("sample-traffic-full.png"), 14000);
    }

    private static void screenshot(Path html, Path png, int height) throws Exception {
        Path file = png.toAbsolutePath();
        Files.deleteIfExists(file);
        HeadlessChromium.Run run = chromium.screenshot(html.toUri().toString(), file, 1280, height);
        assertThat(run.consoleLines()).isEmpty();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat(bytes.length).isGreaterThan(50_000);
    }

    @Test
    void afterTheScriptRanTheKeyElementsArePresentAndNothingWasLogged() throws Exception {
        HeadlessChromium.Run run = chromium.dumpDom(trafficHtml.toUri().toString());
        assertThat(run.consoleLines()).isEmpty();
        Document dom = Jsoup.parse(run.stdout());
        assertThat(dom.select("html[data-ready=true]")).hasSize(1);
        assertThat(dom.select("html[data-js-errors]")).isEmpty();
        assertThat(dom.select("#risks tbody.risk")).hasSize(traffic.risks().size());
        assertThat(dom.select("tbody.risk.hidden")).isEmpty();
        assertThat(dom.select("section.app")).hasSize(traffic.apps().size());
        assertThat(dom.select("svg#flow-map path.band")).hasSize(7);
        assertThat(dom.select("svg#timeline circle.dot")).hasSize(traffic.exchanges().size());
        assertThat(dom.selectFirst("#filter-status").text())
                .isEqualTo(traffic.risks().size() + " of " + traffic.risks().size() + " risks shown");
    }

    @Test
    void theFiltersTakeTheirValuesFromTheUrl() throws Exception {
        HeadlessChromium.Run run = chromium.dumpDom(trafficHtml.toUri() + "?q=miui&severity=HIGH");
        assertThat(run.consoleLines()).isEmpty();
        Document dom = Jsoup.parse(run.stdout());
        long expected = traffic.risks().stream().filter(r -> r.severity().atLeast(Severity.HIGH))
                .filter(r -> searchText(r).contains("miui")).count();
        assertThat(expected).isBetween(1L, (long) traffic.risks().size() - 1);
        for (Risk r : traffic.risks()) {
            Element entry = dom.getElementById(dev.phonehome.assess.report.html.Anchors.risk(r.fingerprint()));
            boolean shown = r.severity().atLeast(Severity.HIGH) && searchText(r).contains("miui");
            assertThat(entry.hasClass("hidden")).as(r.id() + " " + r.subject()).isEqualTo(!shown);
        }
        assertThat(dom.selectFirst("#filter-status").text())
                .isEqualTo(expected + " of " + traffic.risks().size() + " risks shown");
        assertThat(dom.select("#flows table.destinations tbody tr:not(.hidden)")).extracting(Element::id)
                .singleElement().satisfies(id -> assertThat(id).startsWith("host-sa.api.intl.miui.com-"));
    }

    @Test
    void hostileValuesDoNotRunInTheBrowser() throws Exception {
        HeadlessChromium.Run run = chromium.dumpDom(hostileHtml.toUri().toString());
        assertThat(run.consoleLines()).isEmpty();
        Document dom = Jsoup.parse(run.stdout());
        assertThat(dom.select("html[data-ready=true]")).hasSize(1);
        assertThat(dom.select("[data-pwned]")).isEmpty();
        assertThat(dom.title()).startsWith("phonehome assessment: <script>");
        assertThat(dom.select("img, iframe")).isEmpty();
    }

    private static String searchText(Risk r) {
        return String.join(" ", r.id(), r.title(), r.subject(), r.category().name(), r.severity().name(),
                String.join(" ", r.apps()), String.join(" ", r.destinations())).toLowerCase(java.util.Locale.ROOT);
    }
}
