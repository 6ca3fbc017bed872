package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.testkit.sample.SampleCapture;
import dev.phonehome.testkit.sample.SampleFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code phonehome demo} on the bundled sample phone: firmware, capture with embedded secrets, device profile. */
class DemoTest {
    @TempDir
    static Path dir;
    static CapturedRun first;

    @BeforeAll
    static void runDemo() throws Exception {
        Path target = dir.resolve("root/testkit/target");
        new SampleFirmware().write(target.resolve("sample-firmware"));
        SampleCapture.write(target);
        first = CapturedRun.of("demo", "--root", dir.resolve("root").toString(), "--out", dir.resolve("a").toString());
    }

    @Test
    void everyExpectedRiskAndNothingElse() throws Exception {
        assertThat(first.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).startsWith("phonehome assess of phonehome sample PH-1 Sample 5G: 5 apps, 6 exchanges "
                + "to 5 destinations (4 linked to app code)");
        List<String> risks = new ArrayList<>();
        for (JsonNode r : json().path("risks")) {
            risks.add(r.path("id").asText() + " " + r.path("subject").asText() + " " + r.path("severity").asText()
                    + " " + r.path("level").asText());
        }
        assertThat(risks).containsExactlyInAnyOrder(
                "PH-LEAK-003 sa.api.intl.miui.com CRITICAL LINKED",
                "PH-LEAK-004 sa.api.intl.miui.com CRITICAL LINKED",
                "PH-LEAK-004 www.google-analytics.com CRITICAL LINKED",
                "PH-TRF-001 sa.api.intl.miui.com CRITICAL LINKED",
                "PH-COV-003 tracking.intl.miui.com CRITICAL OBSERVED",
                "PH-SEC-001 com.phonehome.sample.ims HIGH PRESENT",
                "PH-SEC-002 com.phonehome.sample.cloud HIGH PRESENT",
                "PH-LEAK-001 com.phonehome.sample.cloud HIGH REFERENCED",
                "PH-LEAK-002 com.phonehome.sample.browser google-analytics HIGH LINKED",
                "PH-LEAK-002 com.phonehome.sample.browser sensors-data HIGH LINKED",
                "PH-LEAK-003 register.cloud.miui.com HIGH OBSERVED",
                "PH-LEAK-003 www.google-analytics.com HIGH LINKED",
                "PH-LEAK-004 api.ad.xiaomi.com HIGH LINKED",
                "PH-FOE-001 com.phonehome.sample.adfilter HIGH REFERENCED",
                "PH-TRF-001 api.ad.xiaomi.com HIGH LINKED",
                "PH-COV-001 com.phonehome.sample.cloud HIGH REFERENCED",
                "PH-COV-002 com.phonehome.sample.cloud HIGH PRESENT",
                "PH-SUP-001 com.phonehome.sample.ims HIGH PRESENT",
                "PH-SEC-002 com.phonehome.sample.ims MEDIUM PRESENT",
                "PH-LEAK-001 com.phonehome.sample.ims MEDIUM REFERENCED",
                "PH-LEAK-004 tracking.intl.miui.com MEDIUM OBSERVED",
                "PH-TRF-001 tracking.intl.miui.com MEDIUM OBSERVED",
                "PH-SEC-003 com.phonehome.sample.browser LOW PRESENT",
                "PH-LEAK-001 com.phonehome.sample.browser LOW PRESENT",
                "PH-SUP-003 com.phonehome.sample.ims LOW PRESENT");
    }

    @Test
    void theTransferToAThirdCountryCitesTheExchangeAndTheCodeThatNamesItsHost() throws Exception {
        JsonNode transfer = risk("PH-TRF-001", "sa.api.intl.miui.com");
        assertThat(transfer.path("evidence")).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("exchange");
            assertThat(e.path("app").asText()).isEqualTo("com.phonehome.sample.browser");
            assertThat(e.path("detail").asText())
                    .contains("Lcom/sensorsdata/analytics/android/sdk/SensorsDataAPI;->send(Ljava/lang/String;)V");
        });
        JsonNode upload = exchange("sa.api.intl.miui.com");
        assertThat(upload.path("sdks").get(0).path("adapter").asText()).isEqualTo("sensors-data/upload");
        List<String> personal = new ArrayList<>();
        upload.path("personalData").forEach(p -> personal.add(p.path("type").asText() + " " + p.path("path").asText()));
        assertThat(personal).contains("android_id body > form:data_list > base64 > gzip > json[0].distinct_id");
        assertThat(exchange("tracking.intl.miui.com").path("sdks")).anySatisfy(s ->
                assertThat(s.path("encryptedScheme").asText()).isNotEmpty());
    }

    @Test
    void sameInputsGiveIdenticalReports() throws Exception {
        CapturedRun again = CapturedRun.of("demo", "--root", dir.resolve("root").toString(), "--out",
                dir.resolve("b").toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.OK);
        for (String f : new String[] {"assessment.json", "assessment.sarif", "summary.md", "report.html"}) {
            assertThat(Files.readString(dir.resolve("b").resolve(f))).as(f)
                    .isEqualTo(Files.readString(dir.resolve("a").resolve(f)));
        }
        assertThat(Files.readString(dir.resolve("a/report.html"))).contains("sa.api.intl.miui.com");
    }

    private static JsonNode json() throws Exception {
        return CanonicalJson.mapper().readTree(dir.resolve("a/assessment.json").toFile());
    }

    private static JsonNode risk(String id, String subject) throws Exception {
        for (JsonNode r : json().path("risks")) {
            if (r.path("id").asText().equals(id) && r.path("subject").asText().equals(subject)) {
                return r;
            }
        }
        throw new AssertionError("no risk " + id + " " + subject);
    }

    private static JsonNode exchange(String host) throws Exception {
        for (JsonNode e : json().path("exchanges")) {
            if (e.path("exchange").path("host").asText().equals(host)) {
                return e.path("exchange");
            }
        }
        throw new AssertionError("no exchange to " + host);
    }
}
