package dev.phonehome.assess.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.assess.report.html.PageIndex;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacker-chosen app names, parameter values, URLs and device fields never become markup, links
 * or invisible text: they show as text, direction controls are made visible, long values are cut visibly.
 */
class HostileAssessmentReportTest {
    @TempDir
    static Path dir;
    static String html;
    static Document doc;

    @BeforeAll
    static void render() throws Exception {
        html = AssessmentHtmlReport.render(ReportAssessments.hostile(dir));
        doc = Jsoup.parse(html);
    }

    @Test
    void markupInValuesStaysText() {
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("img, iframe, object, i:not(.swatch)")).isEmpty();
        assertThat(doc.select("#summary table.facts td")).allSatisfy(td -> assertThat(td.children()).isEmpty());
        assertThat(doc.getAllElements()).allSatisfy(e -> {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as(e.tagName()).doesNotStartWith("on");
            }
        });
        assertThat(doc.title()).startsWith("phonehome assessment: <script>document.title='pwned'</script>");
        assertThat(doc.select("#summary").text()).contains("consent<i> = false");
        assertThat(doc.select("#capture").text()).contains(ReportAssessments.HOSTILE_APP, ReportAssessments.HOSTILE_SCRIPT);
    }

    @Test
    void hostileUrlsAreNeverLinks() {
        assertThat(doc.select("a[href]").eachAttr("href")).isNotEmpty().allSatisfy(h -> assertThat(h).matches("#[A-Za-z0-9._-]+"));
        assertThat(doc.getAllElements().eachAttr("id")).allSatisfy(id -> assertThat(id).matches("[A-Za-z0-9._-]+"));
        assertThat(doc.select("#capture").text()).contains("http://unknown.example.net/javascript:");
    }

    @Test
    void directionAndInvisibleCharactersAreShownNotApplied() {
        assertThat(html).doesNotContain("\u202E", "\u202C", "\u2066", "\u2069", "\u200B");
        assertThat(doc.title()).contains("com.phonehome.[U+202E]elif[U+202C].[U+2066]x[U+2069][U+200B]");
    }

    @Test
    void veryLongValuesAreCutVisibly() {
        assertThat(html).doesNotContain("x".repeat(PageIndex.SEARCH + 1));
        assertThat(doc.select("#capture").text()).containsPattern("pad=x{200,}… \\[\\d{4} more characters]");
    }
}
