package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.phonehome.core.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code phonehome traffic --format json|har} in a JVM of its own with a heap smaller than the
 * capture's bodies: exchanges must be written as they arrive, not kept until the end.
 */
class TrafficHeapTest {
    private static final int EXCHANGES = 1200;
    private static final int BODY_BYTES = 48 * 1024;
    /** The capture holds about 38 MB of bodies; the heap is smaller than that. */
    private static final String HEAP = "-Xmx32m";

    @TempDir
    Path dir;

    @Test
    void jsonAndHarOfALargeCaptureRunInASmallHeap() throws Exception {
        Path capture = TrafficStreamingTest.keepAliveCapture(dir.resolve("large.pcap"), EXCHANGES, BODY_BYTES);
        assertThat(Files.size(capture)).isGreaterThan(2L * EXCHANGES / 3 * BODY_BYTES);
        Tail exchanges = tail(run(capture, "json"), "exchanges");
        assertThat(exchanges.count()).isEqualTo(EXCHANGES);
        assertThat(Base64.getDecoder().decode(exchanges.last().at("/responseBody/text").asText()))
                .isEqualTo(TrafficStreamingTest.binary(EXCHANGES - 1, BODY_BYTES));
        Tail entries = tail(run(capture, "har"), "entries");
        assertThat(entries.count()).isEqualTo(EXCHANGES);
        assertThat(entries.last().at("/request/url").asText()).isEqualTo("http://cdn.example.org/blob/" + (EXCHANGES - 1));
    }

    /** Runs the CLI in a new JVM with {@link #HEAP}; returns the document it wrote. */
    private Path run(Path capture, String format) throws Exception {
        Path out = dir.resolve("out." + format);
        Path err = dir.resolve("err." + format);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "traffic", "-q", "--format", format, "--out", out.toString(), capture.toString())
                .redirectErrorStream(true).redirectOutput(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        return out;
    }

    /** How many elements an array has, and its last one. */
    private record Tail(int count, JsonNode last) {
    }

    /** Reads the first array named {@code field} element by element, as a test JVM should not hold it whole either. */
    private static Tail tail(Path document, String field) throws Exception {
        try (JsonParser parser = CanonicalJson.mapper().createParser(document.toFile())) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && parser.currentName().equals(field)) {
                    parser.nextToken();
                    int count = 0;
                    JsonNode last = null;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        last = parser.readValueAsTree();
                        count++;
                    }
                    return new Tail(count, last);
                }
            }
        }
        throw new AssertionError("no " + field + " in " + document);
    }
}
