package dev.phonehome.assess.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.apk.detect.Detectors;
import dev.phonehome.apk.firmware.FirmwareSource;
import dev.phonehome.apk.scan.ApkScanner;
import dev.phonehome.apk.scan.FirmwareScan;
import dev.phonehome.apk.scan.FirmwareScanner;
import dev.phonehome.apk.signing.SignatureInspector;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.testkit.ApkBuilder;
import dev.phonehome.testkit.axml.ManifestXml;
import dev.phonehome.testkit.sample.SampleFirmware;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanHtmlReportTest {
    @TempDir
    static Path dir;
    static String html;

    @BeforeAll
    static void render() throws Exception {
        Path firmware = new SampleFirmware().write(dir.resolve("fw"));
        // A hostile label and package name must come out as text, never as markup.
        new ApkBuilder().manifest(ManifestXml.app("evil.<script>alert(1)</script>").versionCode(1)
                .label("<img src=x onerror=alert(2)>").build()).write(firmware.resolve("data/app/evil/base.apk"));
        try (FirmwareSource source = FirmwareSource.open(firmware)) {
            FirmwareScan scan = new FirmwareScanner(new ApkScanner(new SignatureInspector(), Detectors.all(),
                    KnowledgeBase.load(), false), 2).scan(source, s -> { });
            html = ScanHtmlReport.render(scan);
        }
    }

    @Test
    void showsAppsFindingsAndSignersOfTheSample() {
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("com.phonehome.sample.browser")
                .contains("Sensors Analytics")
                .contains("platform key: apps run with system privileges")
                .contains("known key: android-debug")
                .contains("id=\"filter\"");
    }

    @Test
    void isSelfContainedAndEscapesHostileText() {
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("<link ")
                .doesNotContain("<script>alert(1)").doesNotContain("<img src=x")
                .contains("evil.&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html.split("<script>", -1)).as("only the inlined filter script").hasSize(2);
    }
}
