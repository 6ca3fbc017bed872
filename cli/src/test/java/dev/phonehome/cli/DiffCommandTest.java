package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.testkit.HarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    static final String FORM = "application/x-www-form-urlencoded";
    static final String AD_ID = "e0f556e0-b265-4211-9065-85a622906954";

    @TempDir
    Path dir;

    @Test
    void optingOutRemovesTheAnalyticsUploadAndItsIdentifier() throws Exception {
        Path profile = Files.writeString(dir.resolve("device.yaml"), "advertising_id: \"" + AD_ID + "\"\n");
        Path before = new HarBuilder()
                .request("2026-05-01T12:00:00Z", "POST", "https://www.google-analytics.com/collect", "198.51.100.9",
                        FORM, "v=1&tid=UA-1-1&t=pageview&cid=" + AD_ID)
                .request("2026-05-01T12:00:01Z", "GET", "https://api.example.org/config", "203.0.113.5", null, null)
                .write(dir.resolve("before.har"));
        Path after = new HarBuilder()
                .request("2026-05-02T12:00:01Z", "GET", "https://api.example.org/config", "203.0.113.5", null, null)
                .write(dir.resolve("after.har"));

        CapturedRun run = CapturedRun.of("diff", "--device", profile.toString(), before.toString(), after.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .contains("phonehome diff: before.har -> after.har")
                .contains("Destinations: 0 appeared, 1 vanished, 1 persisted")
                .contains("  - www.google-analytics.com")
                .contains("  = api.example.org")
                .contains("  - google-analytics")
                .contains("  - advertising_id -> www.google-analytics.com (plain)")
                .contains("  - www.google-analytics.com google-analytics body:cid");

        CapturedRun json = CapturedRun.of("diff", "--format", "json", "--device", profile.toString(),
                before.toString(), after.toString());
        JsonNode doc = CanonicalJson.mapper().readTree(json.out());
        assertThat(doc.path("schema").asText()).isEqualTo("phonehome.diff/1");
        assertThat(doc.path("sdks").path("vanished").get(0).asText()).isEqualTo("google-analytics");
        assertThat(CapturedRun.of("diff", "--format", "json", "--device", profile.toString(),
                before.toString(), after.toString()).out()).isEqualTo(json.out());
    }

    @Test
    void sameCaptureTwiceHasNoDifferences() throws Exception {
        Path a = new HarBuilder()
                .request("2026-05-01T12:00:01Z", "GET", "https://api.example.org/config", "203.0.113.5", null, null)
                .write(dir.resolve("a.har"));
        assertThat(CapturedRun.of("diff", a.toString(), a.toString()).out()).contains("(no differences)");
    }

    @Test
    void unreadableCaptureIsAnInputErrorNamingIt() {
        Path missing = dir.resolve("missing.pcapng");
        assertThat(CapturedRun.of("diff", missing.toString(), missing.toString()).exitCode()).isEqualTo(ExitCode.INPUT);
    }

    @Test
    void badDeviceProfileIsAnInputError() throws Exception {
        Path profile = Files.writeString(dir.resolve("device.yaml"), "imei: [unclosed\n");
        Path a = new HarBuilder().write(dir.resolve("a.har"));
        assertThat(CapturedRun.of("diff", "--device", profile.toString(), a.toString(), a.toString()).exitCode())
                .isEqualTo(ExitCode.INPUT);
    }
}
