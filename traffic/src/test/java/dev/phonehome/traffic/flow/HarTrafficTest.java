package dev.phonehome.traffic.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.traffic.capture.KeyLog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarTrafficTest {
    static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0x00};
    static final String HAR = """
            {"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[
             {"startedDateTime":"2024-05-01T14:00:00.000+02:00","time":5,"connection":"7",
              "request":{"method":"POST","url":"https://sa.api.intl.miui.com/sa?project=x","httpVersion":"HTTP/1.1",
               "headers":[{"name":"Content-Type","value":"application/json"}],"queryString":[],"cookies":[],
               "headersSize":-1,"bodySize":14,"postData":{"mimeType":"application/json","text":"{\\"imei\\":\\"358\\"}"}},
              "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","headers":[],"cookies":[],
               "content":{"size":9,"mimeType":"image/png","text":"%s","encoding":"base64"},
               "redirectURL":"","headersSize":-1,"bodySize":9},
              "cache":{},"timings":{"send":0,"wait":1,"receive":0},"serverIPAddress":"2001:db8::5"},
             {"startedDateTime":"2024-05-01T12:00:01Z","time":5,
              "request":{"method":"GET","url":"http://example.org:8080/","httpVersion":"HTTP/1.1",
               "headers":[],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},
              "response":{"status":204,"statusText":"No Content","httpVersion":"HTTP/1.1","headers":[],"cookies":[],
               "content":{"size":0,"mimeType":""},"redirectURL":"","headersSize":-1,"bodySize":0},
              "cache":{},"timings":{"send":0,"wait":1,"receive":0}}]}}
            """.formatted(Base64.getEncoder().encodeToString(PNG_HEADER));

    @TempDir
    Path dir;

    @Test
    void harEntriesBecomeExchangesOnSynthesisedConnections() throws Exception {
        Path har = dir.resolve("binary-base64-body.har");
        Files.writeString(har, HAR, StandardCharsets.UTF_8);
        TrafficReport r = new TrafficAnalyzer().report(har, KeyLog.empty());

        assertThat(r.capture().format()).isEqualTo(CaptureDescription.HAR);
        assertThat(r.capture().units()).isEqualTo(2);
        TrafficExchange post = r.exchanges().get(0);
        assertThat(post.time()).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(post.server()).isEqualTo("[2001:db8::5]:443");
        assertThat(post.serverName()).contains("sa.api.intl.miui.com");
        assertThat(post.serverNameSource()).contains(ServerNameSource.HAR);
        assertThat(post.requestBody().orElseThrow().text()).isEqualTo("{\"imei\":\"358\"}");
        TrafficBody png = post.responseBody().orElseThrow();
        assertThat(png.encoding()).isEqualTo(TrafficBody.BASE64);
        assertThat(png.bytes()).isEqualTo(PNG_HEADER);
        assertThat(png.contentType()).contains("image/png");

        TrafficExchange get = r.exchanges().get(1);
        assertThat(get.server()).isEqualTo("example.org");
        assertThat(get.responseBody()).isEmpty();
        assertThat(r.connections()).extracting(TrafficConnection::id, TrafficConnection::exchanges)
                .containsExactly(tuple("h1", 1L), tuple("h2", 1L));
        assertThat(r.connections().get(0).bytesFromServer()).isEqualTo(PNG_HEADER.length);
        assertThat(r.connections().get(0).start()).isEqualTo("2024-05-01T12:00:00Z");
    }

    @Test
    void gzippedHarGivesTheSameReportAsPlain() throws Exception {
        Path plain = dir.resolve("log.har");
        Files.writeString(plain, HAR, StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(HAR.getBytes(StandardCharsets.UTF_8));
        }
        Path zipped = dir.resolve("zipped").resolve("log.har");
        Files.createDirectories(zipped.getParent());
        Files.write(zipped, gz.toByteArray());
        TrafficReport a = new TrafficAnalyzer().report(plain, KeyLog.empty());
        TrafficReport b = new TrafficAnalyzer().report(zipped, KeyLog.empty());
        assertThat(CanonicalJson.toString(b.exchanges())).isEqualTo(CanonicalJson.toString(a.exchanges()));
    }

    @Test
    void harCutInTheMiddleKeepsTheEntriesBefore() throws Exception {
        Path cut = dir.resolve("cut-in-second-entry.har");
        Files.writeString(cut, HAR.substring(0, HAR.indexOf("example.org")), StandardCharsets.UTF_8);
        TrafficReport r = new TrafficAnalyzer().report(cut, KeyLog.empty());
        assertThat(r.exchanges()).hasSize(1);
        assertThat(r.problems()).extracting(p -> p.code()).contains("har.malformed");
    }
}
