package dev.phonehome.apk.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.apk.firmware.ApkInput;
import dev.phonehome.apk.scan.ApkScanner;
import dev.phonehome.apk.scan.AppReport;
import dev.phonehome.apk.signing.SignatureInspector;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.testkit.sample.SampleFirmware;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NCSC reference findings on the bundled sample firmware, with every shipped detector. */
class NcscReferenceFindingsTest {
    @TempDir
    static Path dir;
    static Path firmware;

    @BeforeAll
    static void write() {
        firmware = new SampleFirmware().write(dir.resolve("firmware"));
    }

    private static List<Finding> scan(String location) {
        ApkScanner scanner = new ApkScanner(new SignatureInspector(), Detectors.all(), AppFixture.KB, false);
        AppReport report = scanner.scan(new ApkInput(location, firmware.resolve(location), Optional.empty()),
                "0".repeat(64), List.of(location), location.contains("/priv-app/"));
        assertThat(report.problems()).extracting(p -> p.code()).doesNotContain("detector.failed");
        return report.findings();
    }

    @Test
    void cloudRegistrationSendsASilentSmsToTheGateway() {
        List<Finding> findings = scan("system/priv-app/CloudService/CloudService.apk");

        assertThat(findings).filteredOn(f -> f.rule().equals("capability.sms.silent")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.attributes().get("constant_args")).contains("0=\"+8610690000000\"");
                    assertThat(f.attributes().get("caller")).contains("RegistrationService;->onStartCommand");
                });
        assertThat(findings).extracting(Finding::rule).contains("capability.read_imei");
    }

    @Test
    void browserSendsPageParametersToSensorsDataAndGoogleAnalytics() {
        List<Finding> findings = scan("system/app/Browser/Browser.apk");

        assertThat(findings).filteredOn(f -> f.rule().equals("analytics.parameters"))
                .extracting(f -> f.attributes().get("sdk") + " " + f.attributes().get("events") + " "
                        + f.attributes().get("keys"))
                .containsExactlyInAnyOrder(
                        "sensors-data PageView page_title,search_keyword,url,user_experience_programme",
                        "google-analytics  dl,t");
        assertThat(findings).filteredOn(f -> f.rule().equals("tracker.sdk")
                        && "sensors-data".equals(f.attributes().get("tracker")))
                .singleElement().satisfies(f -> assertThat(f.attributes()).containsEntry("version", "6.8.0"));
        assertThat(findings).filteredOn(f -> f.rule().equals("capability.read_android_id")).singleElement()
                .satisfies(f -> {
                    assertThat(f.level()).isEqualTo(EvidenceLevel.PRESENT);
                    assertThat(f.attributes()).containsEntry("in_sdk", "sensors-data");
                });
    }
}
