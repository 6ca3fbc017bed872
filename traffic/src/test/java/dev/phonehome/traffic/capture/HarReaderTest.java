package dev.phonehome.traffic.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.core.Problem;
import dev.phonehome.testkit.capture.CaptureWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HarReaderTest {
    static final String ENTRY = """
        {"startedDateTime": "2021-08-01T10:00:00.000Z", "time": 120.5, "_priority": "High",
         "request": {"method": "POST", "url": "https://sa.api.intl.miui.com/sa?project=global",
           "httpVersion": "HTTP/1.1", "cookies": [],
           "headers": [{"name": "Host", "value": "sa.api.intl.miui.com"}, {"name": "Content-Type", "value": "application/x-www-form-urlencoded"}],
           "queryString": [{"name": "project", "value": "global"}],
           "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "data_list=abc&gzip=1",
             "params": [{"name": "data_list", "value": "abc"}, {"name": "gzip", "value": "1"}]},
           "headersSize": -1, "bodySize": 20},
         "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1",
           "headers": [{"name": "Server", "value": "nginx"}],
           "content": {"size": 5, "mimeType": "application/octet-stream", "text": "aGVsbG8=", "encoding": "base64"},
           "redirectURL": "", "_transferSize": 300},
         "cache": {}, "timings": {"blocked": 1, "dns": -1, "connect": 10, "send": 0.5, "wait": 100, "receive": 9, "_queued": 3},
         "serverIPAddress": "203.0.113.9", "connection": "443"}
        """;
    static final String PLAIN = """
        {"request": {"method": "GET", "url": "http://example.org/", "headers": []},
         "response": {"status": 204, "content": {"mimeType": "text/plain", "text": "héllo"}}}
        """;

    static String har(String... entries) {
        return "{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"test\"}, \"pages\": [{\"id\": \"p\"}],"
                + " \"entries\": [" + String.join(",", entries) + "]}}";
    }

    record Read(List<HarEntry> entries, List<Problem> problems) {
    }

    static Read read(byte[] file) throws IOException, CaptureFormatException {
        try (HarReader r = HarReader.open(new ByteArrayInputStream(file), "test.har")) {
            List<HarEntry> out = new ArrayList<>();
            Optional<HarEntry> e;
            while ((e = r.next()).isPresent()) {
                out.add(e.get());
            }
            return new Read(out, r.problems());
        }
    }

    static Read read(String text) throws IOException, CaptureFormatException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryFieldOfAnEntry() throws Exception {
        Read r = read(har(ENTRY));
        assertThat(r.problems()).isEmpty();
        HarEntry e = r.entries().get(0);
        assertThat(e.startedDateTime()).isEqualTo("2021-08-01T10:00:00.000Z");
        assertThat(e.timeMillis()).isEqualTo(120.5);
        assertThat(e.request().method()).isEqualTo("POST");
        assertThat(e.request().url()).startsWith("https://sa.api.intl.miui.com/");
        assertThat(e.request().headers()).extracting(HarEntry.Header::name).containsExactly("Host", "Content-Type");
        assertThat(e.request().queryString()).containsExactly(new HarEntry.Header("project", "global"));
        HarEntry.PostData post = e.request().postData().orElseThrow();
        assertThat(post.text()).isEqualTo("data_list=abc&gzip=1");
        assertThat(post.params()).extracting(HarEntry.Param::name).containsExactly("data_list", "gzip");
        assertThat(e.request().bodySize()).isEqualTo(20);
        assertThat(e.response().status()).isEqualTo(200);
        assertThat(e.response().content().body()).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(e.response().content().base64()).isTrue();
        assertThat(e.timings()).containsOnlyKeys("blocked", "connect", "dns", "receive", "send", "wait");
        assertThat(e.serverIpAddress()).hasValue("203.0.113.9");
        assertThat(e.connection()).hasValue("443");
    }

    @Test
    void plainTextBodyIsUtf8AndMissingFieldsDefault() throws Exception {
        HarEntry e = read(har(PLAIN, PLAIN)).entries().get(1);
        assertThat(e.index()).isEqualTo(1);
        assertThat(new String(e.response().content().body(), StandardCharsets.UTF_8)).isEqualTo("héllo");
        assertThat(e.request().postData()).isEmpty();
        assertThat(e.serverIpAddress()).isEmpty();
        assertThat(e.timeMillis()).isEqualTo(-1);
    }

    @Test
    void entryWithoutResponseIsSkippedWithProblem() throws Exception {
        Read r = read(har("{\"request\": {}}", "42", PLAIN));
        assertThat(r.entries()).extracting(HarEntry::index).containsExactly(2L);
        assertThat(r.problems()).extracting(Problem::code).containsExactly("har.bad-entry", "har.bad-entry");
    }

    @Test
    void badBase64IsAProblemNotACrash() throws Exception {
        Read r = read(har(PLAIN.replace("\"text\": \"héllo\"", "\"text\": \"***\", \"encoding\": \"base64\"")));
        assertThat(r.entries()).hasSize(1);
        assertThat(r.problems()).extracting(Problem::code).containsExactly("har.bad-base64");
    }

    @Test
    void truncatedFileKeepsEarlierEntries() throws Exception {
        String full = har(PLAIN, ENTRY);
        Read r = read(full.substring(0, full.length() - 300));
        assertThat(r.entries()).hasSize(1);
        assertThat(r.problems()).extracting(Problem::code).containsExactly("har.malformed");
    }

    @Test
    void gzipCompressedHarIsRead() throws Exception {
        assertThat(read(CaptureWriter.gzip(har(PLAIN).getBytes(StandardCharsets.UTF_8))).entries()).hasSize(1);
    }

    @Test
    void notAHarIsAFormatError() {
        assertThatThrownBy(() -> read("{\"foo\": 1}")).isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("no log.entries");
        assertThatThrownBy(() -> read("[1, 2")).isInstanceOf(CaptureFormatException.class);
    }

    @Test
    void everyPrefixEitherFailsToOpenOrReadsCleanly() throws Exception {
        byte[] full = har(ENTRY, PLAIN).getBytes(StandardCharsets.UTF_8);
        for (int len = 0; len < full.length; len++) {
            try {
                assertThat(read(Arrays.copyOf(full, len)).entries()).hasSizeLessThanOrEqualTo(2);
            } catch (CaptureFormatException expected) {
                assertThat(expected.getMessage()).startsWith("HAR test.har");
            }
        }
    }

    @Property(tries = 300)
    void byteFlipsNeverEscape(@ForAll @IntRange(min = 0, max = 100_000) int at, @ForAll byte value,
                              @ForAll @IntRange(min = 0, max = 100_000) int at2) throws Exception {
        byte[] file = har(ENTRY, PLAIN).getBytes(StandardCharsets.UTF_8);
        file[at % file.length] = value;
        file[at2 % file.length] = value;
        try {
            assertThat(read(file).entries()).hasSizeLessThanOrEqualTo(2);
        } catch (CaptureFormatException expected) {
            assertThat(expected.structure()).startsWith("HAR");
        }
    }

    @Test
    void deepNestingIsRefused() throws Exception {
        String deep = "[".repeat(5000);
        Read r = read(har("{\"request\": {}, \"response\": {}, \"x\": " + deep + "}"));
        assertThat(r.entries()).isEmpty();
        assertThat(r.problems()).extracting(Problem::code).containsExactly("har.malformed");
    }
}
