package dev.phonehome.apk.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.apk.firmware.ApkInput;
import dev.phonehome.apk.scan.ApkScanner;
import dev.phonehome.apk.signing.SignatureInspector;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.testkit.sample.SampleFirmware;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shipped detector over the testkit's sample firmware: the findings its apps were built to show. */
class SampleFirmwareFindingsTest {
    @TempDir
    static Path root;

    @BeforeAll
    static void writeFirmware() {
        new SampleFirmware().write(root);
    }

    private static List<Finding> scan(String location) {
        return new ApkScanner(new SignatureInspector(), Detectors.all(), KnowledgeBase.load(), false)
                .scan(new ApkInput(location, root.resolve(location), Optional.empty()), "0".repeat(64),
                        List.of(location), location.contains("priv-app")).findings();
    }

    private static Severity severity(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).map(Finding::severity).findFirst().orElseThrow();
    }

    @Test
    void adFilterCarriesACensorshipListAndNamesTheXiaomiAdServer() {
        List<Finding> findings = scan("product/app/AdFilter/AdFilter.apk");
        assertThat(severity(findings, "censorship.keyword-list")).isEqualTo(Severity.HIGH);
        assertThat(ScanHarness.rule(findings, "endpoint.domain", "domain", "xiaomi.com")).hasValueSatisfying(
                f -> assertThat(f.attributes()).containsEntry("tracker", "xiaomi-ads"));
    }

    @Test
    void imsIsADebuggableDebugSignedBuild() {
        List<Finding> findings = scan("vendor/app/Ims/Ims.apk");
        assertThat(severity(findings, "manifest.debuggable")).isEqualTo(Severity.HIGH);
        assertThat(severity(findings, "signature.debug-certificate")).isEqualTo(Severity.HIGH);
    }

    @Test
    void cloudServiceListensForBinarySmsAsTheSystemUser() {
        List<Finding> findings = scan("system/priv-app/CloudService/CloudService.apk");
        assertThat(ScanHarness.rule(findings, "manifest.sms-data-port", "port", "16001"))
                .hasValueSatisfying(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        assertThat(severity(findings, "manifest.system-uid")).isEqualTo(Severity.INFO);
    }
}
