package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.testkit.sample.SampleCapture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code traffic --device} and {@code diff} on the bundled sample phone's captures. */
class SampleTrafficTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeSample() {
        SampleCapture.write(dir);
    }

    @Test
    void trafficNamesTheSdkThePersonalDataAndWhereItWent() throws Exception {
        Path out = dir.resolve("traffic.json");
        CapturedRun run = CapturedRun.of("traffic", "-q", "--device", file(SampleCapture.DEVICE_PROFILE).toString(),
                "--geodata", dir.resolve("no-geodata").toString(), "--format", "json", "--out", out.toString(),
                file(SampleCapture.CAPTURE).toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode privacy = CanonicalJson.mapper().readTree(out.toFile()).path("privacy");

        JsonNode sensors = destination(privacy, SampleCapture.SENSORS_HOST);
        assertThat(texts(sensors.path("trackers"))).contains("sensors-data");
        assertThat(texts(sensors.path("personalData"))).contains("android_id", "location", "honey");
        assertThat(sensors.path("destination").path("organisationCountry").asText()).isEqualTo("CN");
        assertThat(sensors.path("destination").path("ownerJurisdiction").path("regime").asText())
                .isEqualTo("THIRD_COUNTRY");
        assertThat(destination(privacy, SampleCapture.ONETRACK_HOST).path("encryptedPayload").asBoolean()).isTrue();
        assertThat(texts(destination(privacy, SampleCapture.CLOUD_HOST).path("personalData")))
                .contains("imei", "imsi", "email");

        List<String> uses = new ArrayList<>();
        privacy.path("personalData").forEach(u -> uses.add(u.path("type").asText() + " " + u.path("form").asText()
                + " " + u.path("path").asText()));
        assertThat(uses).contains(
                "android_id plain body > form:data_list > base64 > gzip > json[*].distinct_id",
                "imei sha256-hex body > json.device_hash",
                "imsi md5-hex body > json.imsi_md5");
        assertThat(uses).noneMatch(u -> u.startsWith("phone ") || u.startsWith("wifi_mac "));
        assertThat(privacy.path("parameters").path("parameters")).anySatisfy(p -> {
            assertThat(p.path("host").asText()).isEqualTo(SampleCapture.SENSORS_HOST);
            assertThat(p.path("name").asText()).isEqualTo("data_list.*.properties.$model");
        });
    }

    @Test
    void diffShowsWhatOptingOutStopped() {
        CapturedRun run = CapturedRun.of("diff", "--device", file(SampleCapture.DEVICE_PROFILE).toString(),
                "--geodata", dir.resolve("no-geodata").toString(), file(SampleCapture.CAPTURE).toString(),
                file(SampleCapture.OPT_OUT_CAPTURE).toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .contains("  - " + SampleCapture.SENSORS_HOST)
                .contains("  - " + SampleCapture.ONETRACK_HOST)
                .contains("  = " + SampleCapture.ANALYTICS_HOST)
                .contains("  - sensors-data")
                .contains("  - android_id -> " + SampleCapture.SENSORS_HOST + " (plain)")
                .contains("  = advertising_id -> " + SampleCapture.ANALYTICS_HOST + " (plain)");
    }

    private static Path file(String name) {
        return dir.resolve(name);
    }

    private static JsonNode destination(JsonNode privacy, String host) {
        for (JsonNode d : privacy.path("destinations")) {
            if (d.path("destination").path("name").asText().equals(host)) {
                return d;
            }
        }
        throw new AssertionError("no destination " + host);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
