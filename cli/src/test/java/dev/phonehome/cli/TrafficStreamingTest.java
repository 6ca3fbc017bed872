package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.flow.TrafficReport;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format json|har} write exchanges as they arrive; the documents equal the whole reports
 * written at once ({@code --exchanges-only}: the privacy analysis after them is tested elsewhere).
 */
class TrafficStreamingTest {
    @TempDir
    Path dir;

    /**
     * One keep-alive connection of {@code n} exchanges: every third a form POST answered with JSON,
     * the others GETs answered with {@code binaryBytes} random bytes (seeded by the exchange number).
     */
    static Path keepAliveCapture(Path file, int n, int binaryBytes) throws Exception {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            TinyPcap.keepAlive(out, n, i -> (i % 3 == 0
                    ? "POST /track?n=" + i + " HTTP/1.1\r\nHost: sa.api.intl.miui.com\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 9\r\n\r\nimei=358&"
                    : "GET /blob/" + i + " HTTP/1.1\r\nHost: cdn.example.org\r\n\r\n").getBytes(StandardCharsets.UTF_8),
                    i -> i % 3 == 0 ? http("application/json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8))
                            : http("application/octet-stream", binary(i, binaryBytes)));
        }
        return file;
    }

    static byte[] binary(int seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        b[0] = 0; // never valid text
        return b;
    }

    private static byte[] http(String type, byte[] body) {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    @Test
    void streamedJsonEqualsTheWholeReportForAPcap() throws Exception {
        Path capture = keepAliveCapture(dir.resolve("keep-alive.pcap"), 30, 3000);
        String streamed = run(capture, "json");
        TrafficReport whole = new TrafficAnalyzer().report(capture, KeyLog.empty());
        assertThat(whole.exchanges()).hasSize(30);
        assertThat(streamed).isEqualTo(CanonicalJson.toString(whole));
        assertThat(streamed.indexOf("\"exchanges\"")).isLessThan(streamed.indexOf("\"connections\""));
    }

    @Test
    void streamedJsonEqualsTheWholeReportForAHarWithABinaryBody() throws Exception {
        Path har = TrafficCommandTest.binaryHar(dir.resolve("in.har"));
        assertThat(run(har, "json")).isEqualTo(CanonicalJson.toString(new TrafficAnalyzer().report(har, KeyLog.empty())));
    }

    @Test
    void streamedHarEqualsTheWholeHarDocument() throws Exception {
        Path capture = keepAliveCapture(dir.resolve("keep-alive.pcap"), 12, 500);
        String streamed = run(capture, "har");
        ObjectMapper mapper = CanonicalJson.mapper();
        ObjectNode log = mapper.createObjectNode();
        log.put("version", "1.2");
        log.set("creator", mapper.readTree(streamed).path("log").path("creator"));
        ArrayNode entries = log.putArray("entries");
        for (TrafficExchange x : new TrafficAnalyzer().report(capture, KeyLog.empty()).exchanges()) {
            entries.add(mapper.valueToTree(TrafficHar.entry(x)));
        }
        ObjectNode document = mapper.createObjectNode();
        document.set("log", log);
        assertThat(streamed).isEqualTo(CanonicalJson.toString(document));
        assertThat(Base64.getDecoder().decode(mapper.readTree(streamed).at("/log/entries/1/response/content/text")
                .asText())).isEqualTo(binary(1, 500));
    }

    @Test
    void harOutputReadsBackWithItsBinaryRequestBodies() throws Exception {
        byte[] upload = binary(7, 300);
        byte[] head = ("POST /upload HTTP/1.1\r\nHost: cdn.example.org\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + upload.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + upload.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(upload, 0, request, head.length, upload.length);
        Path capture = dir.resolve("upload.pcap");
        try (OutputStream out = Files.newOutputStream(capture)) {
            TinyPcap.keepAlive(out, 1, i -> request, i -> http("application/octet-stream", binary(8, 50)));
        }
        Path har = Files.writeString(dir.resolve("phonehome.har"), run(capture, "har"));
        TrafficExchange back = new TrafficAnalyzer().report(har, KeyLog.empty()).exchanges().get(0);
        assertThat(back.requestBody().orElseThrow().bytes()).isEqualTo(upload);
        assertThat(back.responseBody().orElseThrow().bytes()).isEqualTo(binary(8, 50));
    }

    @Test
    void filteredJsonKeepsOnlyMatchingExchangesAndConnections() throws Exception {
        Path capture = keepAliveCapture(dir.resolve("keep-alive.pcap"), 6, 100);
        Path out = dir.resolve("filtered.json");
        assertThat(CapturedRun.of("traffic", "-q", "--exchanges-only", "--host", "*.example.net", "--format", "json",
                "--out", out.toString(), capture.toString()).exitCode()).isEqualTo(ExitCode.OK);
        TrafficReport whole = new TrafficAnalyzer().report(capture, KeyLog.empty());
        TrafficReport none = new TrafficReport(whole.schema(), whole.capture(), java.util.List.of(), java.util.List.of(),
                whole.problems());
        assertThat(Files.readString(out)).isEqualTo(CanonicalJson.toString(none));
    }

    @Test
    void aFileThatIsNoCaptureWritesNoDocument() throws Exception {
        Path garbage = dir.resolve("garbage.pcap");
        Files.writeString(garbage, "not a capture at all");
        Path out = dir.resolve("out.json");
        assertThat(CapturedRun.of("traffic", "-q", "--format", "json", "--out", out.toString(), garbage.toString())
                .exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(Files.readString(out)).isEmpty();
    }

    private String run(Path capture, String format) throws Exception {
        Path out = dir.resolve("out." + format);
        CapturedRun run = CapturedRun.of("traffic", "-q", "--exchanges-only", "--format", format, "--out", out.toString(),
                capture.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
