package dev.phonehome.assess.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.assess.TrafficSample;
import dev.phonehome.core.json.CanonicalJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assessment.json as input of report and compare: round trip, and clear refusals of bad files. */
class MalformedAssessmentJsonTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenAssessmentReadsBackEqual() throws Exception {
        Assessment a = TrafficSample.assessment();
        Path file = Files.writeString(dir.resolve("assessment.json"), CanonicalJson.toString(a));
        Assessment back = AssessmentJson.read(file);
        assertThat(back).isEqualTo(a);
        assertThat(CanonicalJson.toString(back)).isEqualTo(CanonicalJson.toString(a));
    }

    @Test
    void badFilesAreRefusedNamingFileAndDefect() throws Exception {
        assertRefused("not json", "not JSON");
        assertRefused("{\"schema\":\"phonehome.scan/1\"}", "phonehome.assessment/1");
        assertRefused(CanonicalJson.toString(TrafficSample.assessment()).replace("\"HIGH\"", "\"SEVERE\""),
                "not a phonehome.assessment/1 document at /");
        assertRefused("[".repeat(100_000), "from Array value");
        assertRefused(CanonicalJson.toString(TrafficSample.assessment()) + "{}", "Trailing token");
        assertRefused("{\"schema\":\"phonehome.assessment/1\",\"inputs\":{\"captures\":[],\"knowledgeBase\":\"k\","
                + "\"rules\":\"r\",\"asOf\":\"2026-01-01\"}}", "not a phonehome.assessment/1 document");
        Path missing = dir.resolve("nowhere.json");
        assertThatThrownBy(() -> AssessmentJson.read(missing)).hasMessageContaining("nowhere.json: unreadable");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write("{\"schema\":\"".getBytes(StandardCharsets.UTF_8));
        }
        // A sparse file: the limit is checked before a byte is parsed.
        try (var channel = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), AssessmentJson.MAX_BYTES + 1);
        }
        assertThatThrownBy(() -> AssessmentJson.read(huge)).hasMessageContaining("over the limit");
    }

    private void assertRefused(String content, String message) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), content);
        assertThatThrownBy(() -> AssessmentJson.read(file)).isInstanceOf(AssessmentJson.UnreadableException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(message);
    }
}
