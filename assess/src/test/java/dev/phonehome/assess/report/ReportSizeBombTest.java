package dev.phonehome.assess.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.assess.AssessmentInput;
import dev.phonehome.assess.SampleScan;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.observe.DestinationFacts;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.assess.observe.Parameter;
import dev.phonehome.assess.observe.PersonalData;
import dev.phonehome.assess.register.Suppressions;
import dev.phonehome.assess.report.html.PageIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A capture of 20,000 exchanges to 2,000 hosts with 10 parameters each renders, under a 256 MiB
 * heap, into a page of bounded size: the tables list a bounded share and say where the rest is.
 */
class ReportSizeBombTest {
    private static final int EXCHANGES = 20_000;
    private static final int HOSTS = 2_000;
    private static final int PARAMETERS = 10;

    @Test
    void aLargeCaptureGivesABoundedPage() throws Exception {
        List<ObservedExchange> exchanges = new ArrayList<>();
        for (int i = 0; i < EXCHANGES; i++) {
            String host = "h" + (i % HOSTS) + ".example.net";
            List<Parameter> parameters = new ArrayList<>();
            for (int p = 0; p < PARAMETERS; p++) {
                parameters.add(new Parameter("body > form:p" + p, "p" + p, "value-" + i + "-" + p, "STRING"));
            }
            exchanges.add(new ObservedExchange("x" + i, "big.pcapng", String.format("2026-11-30T%02d:%02d:%02dZ",
                    i / 3600 % 24, i / 60 % 60, i % 60), Optional.of("com.example.app" + i % 7), host,
                    "192.0.2.1:443", "POST", "https://" + host + "/collect?i=" + i, 200, List.of(), parameters,
                    List.of(new PersonalData("android_id", "plain", "body > form:p0")), DestinationFacts.unknown(),
                    List.of()));
        }
        Assessment a = SampleScan.assessor().assess(new AssessmentInput(Optional.empty(), List.of("big.pcapng"),
                exchanges, Optional.empty(), Suppressions.none(), List.of()));
        long start = System.nanoTime();
        String html = AssessmentHtmlReport.render(a);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).isLessThan(30_000);
        assertThat(html.length()).isLessThan(25_000_000);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("table.exchanges tbody tr")).hasSizeLessThanOrEqualTo(2 * PageIndex.LISTED_EXCHANGES);
        assertThat(doc.select("#capture").text()).contains("of " + EXCHANGES + "; assessment.json has them all");
        assertThat(doc.select("svg#timeline circle.dot")).hasSizeLessThan(20 * 250);
        assertThat(doc.select("#parameters table.parameters tbody tr")).hasSize(2000);
        assertThat(doc.select("#parameters p.muted").text()).containsPattern("The page lists 2000 parameters; \\d+ more");
    }
}
