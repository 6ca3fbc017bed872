package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phonehome.core.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficCommandTest {
    static final String REQUEST = "POST /sa?project=x HTTP/1.1\r\nHost: sa.api.intl.miui.com\r\n"
            + "Content-Type: application/json\r\nContent-Length: 14\r\n\r\n{\"imei\":\"358\"}";
    static final String RESPONSE = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";
    static final byte[] BINARY = {0x00, 0x01, (byte) 0xff, 0x7f};

    @TempDir
    Path dir;

    @Test
    void textListsEachExchangeAndASummary() throws Exception {
        CapturedRun run = CapturedRun.of("traffic", "-q", pcap().toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("2024-05-01T12:00:00.002Z  -  POST  200  sa.api.intl.miui.com  /sa?project=x  up 14 B down 2 B")
                .contains("1 exchanges on 1 connections, 1 HTTP");
    }

    @Test
    void jsonIsTheCanonicalReport() throws Exception {
        Path out = dir.resolve("report.json");
        CapturedRun run = CapturedRun.of("traffic", "-q", "--format", "json", "--out", out.toString(), pcap().toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode report = CanonicalJson.mapper().readTree(out.toFile());
        assertThat(report.path("schema").asText()).isEqualTo("phonehome.traffic/1");
        JsonNode x = report.path("exchanges").get(0);
        assertThat(x.path("url").asText()).isEqualTo("http://sa.api.intl.miui.com/sa?project=x");
        assertThat(x.path("requestBody").path("text").asText()).isEqualTo("{\"imei\":\"358\"}");
        assertThat(report.path("connections").get(0).path("serverNameSource").asText()).isEqualTo("HOST");
    }

    @Test
    void hostFilterKeepsOnlyMatchingExchanges() throws Exception {
        Path capture = pcap();
        assertThat(CapturedRun.of("traffic", "-q", "--host", "*.MIUI.com", capture.toString()).out())
                .contains("POST  200");
        assertThat(CapturedRun.of("traffic", "-q", "--host", "*.example.org", capture.toString()).out())
                .doesNotContain("POST").contains("0 exchanges on 0 connections");
        assertThat(CapturedRun.of("traffic", "-q", "--app", "com.miui.browser", capture.toString()).out())
                .contains("0 exchanges");
    }

    /** A HAR 1.2 log of one GET whose response is {@link #BINARY} in base64. */
    static Path binaryHar(Path har) throws Exception {
        return Files.writeString(har, """
                {"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[
                 {"startedDateTime":"2024-05-01T14:00:00.000+02:00","time":5,
                  "request":{"method":"GET","url":"https://cdn.example.org/blob?a=1&b","httpVersion":"HTTP/2",
                   "headers":[],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},
                  "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/2","headers":[],"cookies":[],
                   "content":{"size":4,"mimeType":"application/octet-stream","text":"%s","encoding":"base64"},
                   "redirectURL":"","headersSize":-1,"bodySize":4},
                  "cache":{},"timings":{"send":0,"wait":1,"receive":0},"serverIPAddress":"198.51.100.1"}]}}
                """.formatted(Base64.getEncoder().encodeToString(BINARY)), StandardCharsets.UTF_8);
    }

    @Test
    void harOutputIsHar12WithBase64ForBinaryBodies() throws Exception {
        Path har = binaryHar(dir.resolve("in.har"));
        CapturedRun run = CapturedRun.of("traffic", "-q", "--format", "har", har.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode log = CanonicalJson.mapper().readTree(run.out()).path("log");
        assertThat(log.path("version").asText()).isEqualTo("1.2");
        assertThat(log.path("creator").path("name").asText()).isEqualTo("phonehome");
        assertThat(log.path("creator").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        JsonNode entry = log.path("entries").get(0);
        assertThat(entry.path("startedDateTime").asText()).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(entry.path("serverIPAddress").asText()).isEqualTo("198.51.100.1");
        assertThat(entry.path("request").path("queryString")).hasSize(2);
        JsonNode content = entry.path("response").path("content");
        assertThat(content.path("encoding").asText()).isEqualTo("base64");
        assertThat(Base64.getDecoder().decode(content.path("text").asText())).isEqualTo(BINARY);
    }

    @Test
    void unreadableCaptureIsAnInputError() throws Exception {
        Path garbage = dir.resolve("not-a-capture.pcap");
        Files.writeString(garbage, "hello, this is text");
        assertThat(CapturedRun.of("traffic", "-q", garbage.toString()).exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(CapturedRun.of("traffic", "-q", dir.resolve("missing.pcap").toString()).exitCode())
                .isEqualTo(ExitCode.INPUT);
        assertThat(CapturedRun.of("traffic", "-q", "--keylog", dir.resolve("missing.txt").toString(), pcap().toString())
                .exitCode()).isEqualTo(ExitCode.INPUT);
    }

    @Test
    void badOptionIsAUsageError() throws Exception {
        assertThat(CapturedRun.of("traffic", "--format", "xml", pcap().toString()).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(CapturedRun.of("traffic").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    private Path pcap() throws Exception {
        Path p = dir.resolve("clear-text-post.pcap");
        Files.write(p, TinyPcap.session(REQUEST, RESPONSE));
        return p;
    }
}
