package dev.phonehome.apk.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.testkit.ApkBuilder;
import dev.phonehome.testkit.SigningIdentity;
import dev.phonehome.testkit.axml.AxmlWriter;
import dev.phonehome.testkit.axml.ManifestXml;
import dev.phonehome.testkit.axml.ResourcesArscWriter;
import dev.phonehome.apk.scan.AppReport;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSecurityDetectorTest {
    private static final SigningIdentity DEBUG = SigningIdentity.generateWithSubject("CN=Android Debug, O=Android, C=US");

    @TempDir
    Path dir;

    private List<Finding> scan(String location, ApkBuilder apk, Detector detector) {
        return ScanHarness.findings(dir, location, apk, detector);
    }

    private static Map<String, Severity> severities(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(f -> f.rule() + "/" + f.attributes().getOrDefault("kind", ""),
                Finding::severity));
    }

    @Test
    void aSystemUidAppWithAnSmsPortReceiver() {
        byte[] manifest = ManifestXml.app("com.phonehome.sample.cloud").versionCode(30).minSdk(28).targetSdk(30)
                .sharedUserId("android.uid.system").permission("android.permission.READ_PRIVILEGED_PHONE_STATE")
                .allowBackup(false)
                .service(".RegistrationService", false)
                .receiver(".DataSmsReceiver", true, ManifestXml.filter("android.intent.action.DATA_SMS_RECEIVED")
                        .data("sms", "localhost", "16001"))
                .build();
        List<Finding> findings = scan("system/priv-app/Cloud/Cloud.apk",
                new ApkBuilder().manifest(manifest).signedBy(ScanHarness.VENDOR), new ManifestSecurityDetector());

        assertThat(severities(findings)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "manifest.sms-data-port/", Severity.HIGH,
                "manifest.exported-component/receiver", Severity.MEDIUM,
                "manifest.system-uid/", Severity.INFO,
                "manifest.privileged-permission/", Severity.MEDIUM));
        Finding sms = ScanHarness.rule(findings, "manifest.sms-data-port", "port", "16001").orElseThrow();
        assertThat(sms.attributes()).containsEntry("component", "com.phonehome.sample.cloud.DataSmsReceiver");
        Finding permission = ScanHarness.rule(findings, "manifest.privileged-permission", "count", "1").orElseThrow();
        assertThat(permission.evidence()).singleElement()
                .satisfies(e -> assertThat(e.value()).contains("android.permission.READ_PRIVILEGED_PHONE_STATE"));
    }

    @Test
    void aDebuggableVendorAppSignedWithTheDebugCertificate() {
        byte[] manifest = ManifestXml.app("com.phonehome.sample.ims").versionCode(1).minSdk(29).targetSdk(29)
                .sharedUserId("android.uid.phone").allowBackup(true).debuggable(true)
                .service(".ImsRegistration", null, ManifestXml.filter("android.telephony.ims.ImsService"))
                .build();
        ApkBuilder apk = new ApkBuilder().manifest(manifest).signedBy(DEBUG);
        List<Finding> findings = scan("vendor/app/Ims/Ims.apk", apk, new ManifestSecurityDetector());
        assertThat(severities(findings)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "manifest.debuggable/", Severity.HIGH,
                "manifest.allow-backup/", Severity.LOW,
                "manifest.exported-component/service", Severity.MEDIUM,
                "manifest.system-uid/", Severity.HIGH));
        List<Finding> signature = scan("vendor/app/Ims2/Ims.apk", apk, new SigningKeyDetector());
        assertThat(signature).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("signature.debug-certificate");
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
        });
    }

    @Test
    void aWeakNetworkSecurityConfig() {
        ResourcesArscWriter resources = new ResourcesArscWriter("com.phonehome.test");
        int config = resources.string("xml", "network_security_config", "res/xml/network_security_config.xml");
        byte[] xml = AxmlWriter.write(AxmlWriter.element("network-security-config")
                .child(AxmlWriter.element("base-config").attr("", "cleartextTrafficPermitted", 0, false)
                        .child(AxmlWriter.element("trust-anchors")
                                .child(AxmlWriter.element("certificates").attr("", "src", 0, "system"))
                                .child(AxmlWriter.element("certificates").attr("", "src", 0, "user"))))
                .child(AxmlWriter.element("domain-config").attr("", "cleartextTrafficPermitted", 0, true)
                        .child(AxmlWriter.element("domain").attr("", "includeSubdomains", 0, true))), false);
        byte[] manifest = ManifestXml.app("com.phonehome.test").versionCode(1).minSdk(28).targetSdk(30)
                .allowBackup(false).networkSecurityConfig(config).build();
        List<Finding> findings = scan("data/app/Nsc/base.apk", new ApkBuilder().manifest(manifest)
                .storedEntry("resources.arsc", resources.build())
                .entry("res/xml/network_security_config.xml", xml).signedBy(ScanHarness.VENDOR),
                new ManifestSecurityDetector());
        assertThat(severities(findings)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "manifest.user-ca-trusted/", Severity.MEDIUM,
                "manifest.cleartext-traffic/", Severity.LOW));
        assertThat(ScanHarness.rule(findings, "manifest.user-ca-trusted", "everywhere", "true")).isPresent();
        assertThat(ScanHarness.rule(findings, "manifest.cleartext-traffic", "domainConfigs", "1")).isPresent();
    }

    @Test
    void aCarefulAppHasNoFinding() {
        byte[] manifest = ManifestXml.app("com.phonehome.careful").versionCode(1).minSdk(28).targetSdk(30)
                .allowBackup(false).usesCleartextTraffic(false).permission("android.permission.INTERNET")
                .activity(".Main", true, ManifestXml.filter("android.intent.action.MAIN")
                        .category("android.intent.category.LAUNCHER"))
                .guarded("service", ".Sync", true, "com.phonehome.careful.permission.SYNC")
                .receiver(".Internal", false)
                .build();
        ApkBuilder apk = new ApkBuilder().manifest(manifest).signedBy(ScanHarness.VENDOR);
        assertThat(scan("data/app/Careful/base.apk", apk, new ManifestSecurityDetector())).isEmpty();
        assertThat(scan("data/app/Careful2/base.apk", apk, new SigningKeyDetector())).isEmpty();
    }

    @Test
    void aTruncatedNetworkSecurityConfigIsSkippedWithoutFailingTheDetector() {
        ResourcesArscWriter resources = new ResourcesArscWriter("com.phonehome.test");
        int config = resources.string("xml", "nsc", "res/xml/nsc.xml");
        byte[] xml = AxmlWriter.write(AxmlWriter.element("network-security-config")
                .child(AxmlWriter.element("base-config").attr("", "cleartextTrafficPermitted", 0, true)), false);
        byte[] manifest = ManifestXml.app("com.phonehome.test").versionCode(1).minSdk(28).targetSdk(30)
                .allowBackup(false).networkSecurityConfig(config).build();
        for (int length : new int[] {0, 8, xml.length / 2, xml.length - 1}) {
            AppReport report = ScanHarness.scan(dir, "data/app/Cut" + length + "/base.apk", new ApkBuilder()
                    .manifest(manifest).storedEntry("resources.arsc", resources.build())
                    .entry("res/xml/nsc.xml", Arrays.copyOf(xml, length)).signedBy(ScanHarness.VENDOR),
                    new ManifestSecurityDetector(), false);
            // the parser recovers what it can of a cut document: at most the one weakness it holds
            assertThat(report.findings()).as("prefix of %d bytes", length)
                    .allMatch(f -> f.rule().equals("manifest.cleartext-traffic"));
            if (length <= 8) {
                assertThat(report.findings()).isEmpty();
            }
            assertThat(report.problems()).noneMatch(p -> p.code().equals("detector.failed"));
        }
    }

    @Test
    void aManifestlessArchiveHasNoFinding() {
        assertThat(scan("data/app/Bare/base.apk", new ApkBuilder().entry("assets/a.txt", new byte[] {1}),
                new ManifestSecurityDetector())).isEmpty();
    }
}
