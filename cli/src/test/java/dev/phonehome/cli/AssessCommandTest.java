package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phonehome.testkit.sample.SampleFirmware;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assess, report, compare and demo end to end on the sample firmware and a HAR of its browser's traffic. */
class AssessCommandTest {
    private static final String HAR = """
            {"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[
             {"startedDateTime":"2026-11-30T10:00:00Z","time":5,
              "request":{"method":"POST","url":"https://sa.api.intl.miui.com/sa?project=default","httpVersion":"HTTP/1.1",
               "headers":[{"name":"Content-Type","value":"application/x-www-form-urlencoded"}],"queryString":[],"cookies":[],
               "headersSize":-1,"bodySize":21,"postData":{"mimeType":"application/x-www-form-urlencoded","text":"data_list=AQIDBA%3D%3D&gzip=9"}},
              "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[],"cookies":[],
               "content":{"size":0,"mimeType":""},"redirectURL":"","headersSize":-1,"bodySize":0},
              "cache":{},"timings":{"send":0,"wait":1,"receive":0},"serverIPAddress":"203.0.113.7"}]}}
            """;

    @TempDir
    static Path dir;
    static Path firmware;
    static Path har;
    static Path device;
    static CapturedRun first;

    @BeforeAll
    static void assessOnce() throws Exception {
        firmware = new SampleFirmware().write(dir.resolve("root/testkit/target/sample-firmware"));
        har = Files.writeString(dir.resolve("browser.har"), HAR, StandardCharsets.UTF_8);
        device = Files.writeString(dir.resolve("device.yaml"), "vendor: \"Sample\"\nmodel: \"Phone 1\"\n"
                + "consent: { user_experience_programme: true }\n");
        first = CapturedRun.of("assess", "-q", "--threads", "2", "--apks", firmware.toString(), "--capture",
                har.toString(), "--device", device.toString(), "--out", dir.resolve("a").toString());
    }

    @Test
    void writesTheReportSetAndPrintsTheRegister() throws Exception {
        assertThat(first.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(first.out()).startsWith("phonehome assess of Sample Phone 1: 5 apps, 1 exchanges to 1 destinations "
                + "(1 linked to app code)")
                .containsPattern("CRITICAL PH-COV-003  sa.api.intl.miui.com +Encrypted telemetry")
                .containsPattern("HIGH     PH-COV-001  com.phonehome.sample.cloud +System app sends SMS")
                .contains(dir.resolve("a/assessment.sarif").toString());
        for (String f : new String[] {"assessment.json", "assessment.sarif", "summary.md", "destinations.csv",
                "parameters.csv"}) {
            assertThat(dir.resolve("a").resolve(f)).isNotEmptyFile();
        }
        JsonNode json = new ObjectMapper().readTree(dir.resolve("a/assessment.json").toFile());
        assertThat(json.get("schema").asText()).isEqualTo("phonehome.assessment/1");
        assertThat(json.at("/device/consent/user_experience_programme").asBoolean()).isTrue();
        assertThat(json.at("/exchanges/0/app").asText()).isEqualTo("com.phonehome.sample.browser");
    }

    @Test
    void twoRunsWriteIdenticalJson() throws Exception {
        CapturedRun second = CapturedRun.of("assess", "-q", "--threads", "1", "--apks", firmware.toString(), "--capture",
                har.toString(), "--device", device.toString(), "--out", dir.resolve("b").toString(),
                "--fail-on", "CRITICAL");
        assertThat(second.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(Files.readAllBytes(dir.resolve("b/assessment.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a/assessment.json")));
        assertThat(Files.readAllBytes(dir.resolve("b/assessment.sarif")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a/assessment.sarif")));
    }

    /** Valid v1 signatures beside valid v2/v3 ones: checking them too changes no verdict. */
    @Test
    void verifyV1IsAcceptedAndLeavesValidSignaturesAsTheyAre() throws Exception {
        CapturedRun full = CapturedRun.of("assess", "-q", "--verify-v1", "--apks", firmware.toString(), "--capture",
                har.toString(), "--device", device.toString(), "--out", dir.resolve("c").toString());
        assertThat(full.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(dir.resolve("c/assessment.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a/assessment.json")));
    }

    @Test
    void reportRendersEachFormatFromTheJson() throws Exception {
        Path json = dir.resolve("a/assessment.json");
        Path md = dir.resolve("again.md");
        assertThat(CapturedRun.of("report", json.toString(), "--format", "md", "--out", md.toString()).exitCode())
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readString(md)).isEqualTo(Files.readString(dir.resolve("a/summary.md")));
        CapturedRun params = CapturedRun.of("report", json.toString(), "--format", "csv", "--table", "parameters");
        assertThat(params.out()).startsWith("source,host,app,tracker,name,path,example,count\r\n");
        CapturedRun canonical = CapturedRun.of("report", json.toString(), "--format", "json");
        assertThat(canonical.out()).isEqualTo(Files.readString(json));
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"schema\":\"phonehome.assessment/1\"");
        assertThat(CapturedRun.of("report", bad.toString(), "--format", "sarif").exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(Main.run("report", json.toString(), "--format", "pdf")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void compareSetsDevicesSideBySide() throws Exception {
        CapturedRun staticOnly = CapturedRun.of("assess", "-q", "--apks", firmware.toString(), "--out",
                dir.resolve("s").toString());
        assertThat(staticOnly.exitCode()).isEqualTo(ExitCode.OK);
        CapturedRun text = CapturedRun.of("compare", dir.resolve("a/assessment.json").toString(),
                dir.resolve("s/assessment.json").toString());
        assertThat(text.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(text.out().lines().findFirst().orElseThrow()).contains("Sample Phone 1", "assessment.json");
        assertThat(text.out()).containsPattern("risks by category\\s+THIRD_COUNTRY_TRANSFER\\s+1 \\(max HIGH\\)\\s+-");
        CapturedRun json = CapturedRun.of("compare", "--format", "json", dir.resolve("a/assessment.json").toString(),
                dir.resolve("s/assessment.json").toString());
        assertThat(json.out()).contains("\"schema\" : \"phonehome.comparison/1\"");
        assertThat(Main.run("compare", dir.resolve("a/assessment.json").toString())).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void badInputsAreNamedAndTheRestIsAssessed() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pcap"), "not a capture at all");
        CapturedRun run = CapturedRun.of("assess", "-q", "--apks", firmware.toString(), "--capture", garbage.toString(),
                "--out", dir.resolve("g").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(dir.resolve("g/assessment.json"))).contains("assess.capture-unreadable")
                .contains("garbage.pcap");
        assertThat(Main.run("assess", "-q", "--apks", dir.resolve("nothing").toString(), "--out",
                dir.resolve("n").toString())).isEqualTo(ExitCode.INPUT);
        assertThat(Main.run("assess", "--out", dir.resolve("n").toString())).isEqualTo(ExitCode.USAGE);
        Path badSuppress = Files.writeString(dir.resolve("s.yaml"), "suppressions: 3\n");
        assertThat(Main.run("assess", "-q", "--apks", firmware.toString(), "--suppress", badSuppress.toString(),
                "--out", dir.resolve("n").toString())).isEqualTo(ExitCode.INPUT);
    }

    @Test
    void demoAssessesTheBundledSampleUnderTheRoot() throws Exception {
        CapturedRun demo = CapturedRun.of("demo", "--root", dir.resolve("root").toString(), "--out",
                dir.resolve("demo").toString());
        assertThat(demo.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(demo.out()).contains("14 open risks").contains(dir.resolve("demo/summary.md").toString());
        assertThat(Main.run("demo", "--root", dir.resolve("empty").toString(), "--out", dir.resolve("d2").toString()))
                .isEqualTo(ExitCode.INPUT);
    }
}
