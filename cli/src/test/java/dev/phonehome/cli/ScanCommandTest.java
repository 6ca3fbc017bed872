package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.testkit.sample.SampleFirmware;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    @TempDir
    static Path dir;
    static Path firmware;

    @BeforeAll
    static void writeSample() {
        firmware = new SampleFirmware().write(dir.resolve("firmware"));
    }

    @Test
    void scansTheSampleFirmwareIntoDeterministicJson() throws Exception {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        assertThat(CapturedRun.of("scan", "--quiet", "--threads", "2", "--json", first.toString(), firmware.toString())
                .exitCode()).isEqualTo(ExitCode.OK);
        assertThat(CapturedRun.of("scan", "--quiet", "--threads", "1", "--json", second.toString(), firmware.toString())
                .exitCode()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));

        JsonNode scan = CanonicalJson.mapper().readTree(first.toFile());
        assertThat(scan.path("schema").asText()).isEqualTo("phonehome.scan/1");
        assertThat(scan.path("summary").path("apkFiles").asInt()).isEqualTo(6);
        assertThat(scan.path("summary").path("distinctApps").asInt()).isEqualTo(5);

        JsonNode browser = app(scan, "com.phonehome.sample.browser");
        assertThat(texts(browser.path("locations")))
                .containsExactly("system/app/Browser/Browser.apk", "system/preinstall/Browser.apk");
        assertThat(browser.path("partition").asText()).isEqualTo("SYSTEM");
        assertThat(browser.path("manifest").path("versionName").asText()).isEqualTo("12.0.10");
        assertThat(browser.path("dex").get(0).path("classes").asInt()).isEqualTo(5);
        assertThat(browser.path("signing").path("verified").asBoolean()).isTrue();

        JsonNode cloud = app(scan, "com.phonehome.sample.cloud");
        assertThat(cloud.path("privilegedFolder").asBoolean()).isTrue();
        assertThat(cloud.path("manifest").path("sharedUserId").asText()).isEqualTo("android.uid.system");

        JsonNode adFilter = app(scan, "com.phonehome.sample.adfilter");
        assertThat(adFilter.path("label").asText()).as("label resolved through resources.arsc").isEqualTo("Sample Ad Filter");

        assertThat(rules(cloud)).as("platform-signed: may hold privileged permissions")
                .doesNotContain("manifest.privileged-permission").contains("manifest.sms-data-port");
        assertThat(rules(app(scan, "com.phonehome.sample.ims"))).contains("manifest.privileged-permission",
                "signature.debug-certificate", "manifest.debuggable");

        JsonNode platform = scan.path("signers").get(0);
        assertThat(platform.path("platform").asBoolean()).isTrue();
        assertThat(texts(platform.path("apps"))).containsExactly("android", "com.phonehome.sample.cloud");
        assertThat(scan.path("problems")).isEmpty();
    }

    @Test
    void verifyV1ChecksTheJarSignaturesAndroidIgnores() throws Exception {
        Path asAndroid = dir.resolve("as-android.json");
        Path full = dir.resolve("verify-v1.json");
        assertThat(CapturedRun.of("scan", "-q", "--json", asAndroid.toString(), firmware.toString()).exitCode())
                .isEqualTo(ExitCode.OK);
        assertThat(CapturedRun.of("scan", "-q", "--verify-v1", "--json", full.toString(), firmware.toString()).exitCode())
                .isEqualTo(ExitCode.OK);
        assertThat(v1Statuses(asAndroid)).isNotEmpty().containsOnly("NOT_VERIFIED");
        assertThat(v1Statuses(full)).hasSameSizeAs(v1Statuses(asAndroid)).containsOnly("VERIFIED");
    }

    private static List<String> v1Statuses(Path scanJson) throws IOException {
        List<String> statuses = new ArrayList<>();
        CanonicalJson.mapper().readTree(scanJson.toFile()).path("apps")
                .forEach(app -> statuses.add(app.path("signing").path("v1").path("status").asText()));
        return statuses;
    }

    @Test
    void writesTheHtmlReportNextToTheJson() throws Exception {
        Path html = dir.resolve("scan.html");
        assertThat(CapturedRun.of("scan", "-q", "--html", html.toString(), firmware.toString()).exitCode())
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("com.phonehome.sample.cloud");
    }

    @Test
    void textSummaryNamesPlatformKeyAndDebugCertificate() {
        CapturedRun run = CapturedRun.of("scan", "--quiet", firmware.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("6 APK files, 5 distinct apps")
                .contains("platform key: apps run with system privileges")
                .contains("known key: android-debug");
    }

    @Test
    void brokenApksAreReportedByNameWhileTheRestOfTheFirmwareIsScanned() throws Exception {
        Path mixed = new SampleFirmware().write(dir.resolve("mixed"));
        byte[] browser = Files.readAllBytes(mixed.resolve("system/app/Browser/Browser.apk"));
        Files.createDirectories(mixed.resolve("system/app/Truncated"));
        Files.write(mixed.resolve("system/app/Truncated/Truncated.apk"), java.util.Arrays.copyOf(browser, browser.length / 2));
        Files.createDirectories(mixed.resolve("system/app/Garbage"));
        Files.write(mixed.resolve("system/app/Garbage/Garbage.apk"), "this is not a zip".getBytes());
        Path json = dir.resolve("mixed.json");

        assertThat(CapturedRun.of("scan", "--quiet", "--format", "json", "--json", json.toString(), mixed.toString())
                .exitCode()).isEqualTo(ExitCode.OK);

        JsonNode scan = CanonicalJson.mapper().readTree(json.toFile());
        assertThat(scan.path("summary").path("distinctApps").asInt()).isEqualTo(7);
        assertThat(scan.path("summary").path("partialApps").asInt()).isEqualTo(2);
        JsonNode garbage = byLocation(scan, "system/app/Garbage/Garbage.apk");
        assertThat(garbage.path("problems").get(0).path("code").asText()).startsWith("zip.");
        assertThat(garbage.path("problems").get(0).path("subject").asText()).isEqualTo("system/app/Garbage/Garbage.apk");
        assertThat(byLocation(scan, "system/app/Truncated/Truncated.apk").path("problems")).isNotEmpty();
        assertThat(app(scan, "com.phonehome.sample.cloud").path("problems")).isEmpty();
    }

    @Test
    void failOnTurnsFindingsAtOrAboveTheThresholdIntoExitCodeOne() {
        // The sample browser uses two analytics SDKs: MEDIUM findings.
        assertThat(CapturedRun.of("scan", "-q", "--fail-on", "MEDIUM", firmware.toString()).exitCode())
                .isEqualTo(ExitCode.FINDINGS);
        assertThat(CapturedRun.of("scan", "-q", "--fail-on", "CRITICAL", firmware.toString()).exitCode())
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void missingInputIsAnInputErrorAndBadOptionIsAUsageError() {
        assertThat(Main.run("scan", "--quiet", dir.resolve("nothing-here").toString())).isEqualTo(ExitCode.INPUT);
        assertThat(Main.run("scan", "--no-such-option", firmware.toString())).isEqualTo(ExitCode.USAGE);
    }

    private static JsonNode app(JsonNode scan, String pkg) {
        for (JsonNode app : scan.path("apps")) {
            if (pkg.equals(app.path("manifest").path("packageName").asText())) {
                return app;
            }
        }
        throw new AssertionError("no app " + pkg);
    }

    private static JsonNode byLocation(JsonNode scan, String location) {
        for (JsonNode app : scan.path("apps")) {
            if (texts(app.path("locations")).contains(location)) {
                return app;
            }
        }
        throw new AssertionError("no app at " + location);
    }

    private static List<String> rules(JsonNode app) {
        List<String> out = new ArrayList<>();
        app.path("findings").forEach(f -> out.add(f.path("rule").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
