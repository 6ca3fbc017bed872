package dev.phonehome.assess.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.report.html.Anchors;
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
        Document dom = loaded(trafficHtml.toUri().toString());
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
        Document dom = loaded(trafficHtml.toUri() + "?q=miui&severity=HIGH");
        long expected = traffic.risks().stream().filter(r -> r.severity().atLeast(Severity.HIGH))
                .filter(AssessmentReportChromiumTest::namesMiui).count();
        assertThat(expected).isBetween(1L, (long) traffic.risks().size() - 1);
        for (Risk r : traffic.risks()) {
            Element entry = dom.getElementById(Anchors.risk(r.fingerprint()));
            boolean shown = r.severity().atLeast(Severity.HIGH) && namesMiui(r);
            assertThat(entry.hasClass("hidden")).as(r.id() + " " + r.subject()).isEqualTo(!shown);
        }
        assertThat(dom.selectFirst("#filter-status").text())
                .isEqualTo(expected + " of " + traffic.risks().size() + " risks shown");
        assertThat(dom.select("#flows table.destinations tbody tr:not(.hidden)")).extracting(Element::id)
                .singleElement().satisfies(id -> assertThat(id).startsWith("host-sa.api.intl.miui.com-"));
    }

    @Test
    void hostileValuesDoNotRunInTheBrowser() throws Exception {
        Document dom = loaded(hostileHtml.toUri().toString());
        assertThat(dom.select("[data-pwned]")).isEmpty();
        assertThat(dom.title()).startsWith("phonehome assessment: <script>");
        assertThat(dom.select("img, iframe")).isEmpty();
    }

    @Test
    void aScriptErrorWouldBeSeen() throws Exception {
        Path broken = work.resolve("broken.html");
        Files.writeString(broken, Files.readString(trafficHtml).replace("</body>",
                "<script>window.noSuchFunction();</script></body>"));
        HeadlessChromium.Run run = chromium.dumpDom(broken.toUri().toString());
        assertThat(run.consoleLines()).anySatisfy(l -> assertThat(l).contains("Uncaught", "noSuchFunction"));
        assertThat(Jsoup.parse(run.stdout()).select("html[data-js-errors]").attr("data-js-errors"))
                .contains("noSuchFunction");
    }

    /** The DOM after the page's script ran, which must have logged nothing and finished without an error. */
    private static Document loaded(String url) throws Exception {
        HeadlessChromium.Run run = chromium.dumpDom(url);
        assertThat(run.consoleLines()).isEmpty();
        Document dom = Jsoup.parse(run.stdout());
        assertThat(dom.select("html[data-ready=true]")).hasSize(1);
        assertThat(dom.select("html[data-js-errors]")).isEmpty();
        return dom;
    }

    /** Whether the page's filter text of the risk names "miui": the sample's ids, apps and categories never do. */
    private static boolean namesMiui(Risk r) {
        return (r.title() + " " + r.subject() + " " + String.join(" ", r.destinations())).contains("miui");
    }
}
