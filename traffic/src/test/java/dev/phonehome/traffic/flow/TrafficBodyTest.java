package dev.phonehome.traffic.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TrafficBodyTest {
    @Test
    void utf8TextStaysText() {
        TrafficBody b = body("Vilnius – 維爾紐斯\n".getBytes(StandardCharsets.UTF_8), 1000);
        assertThat(b.encoding()).isEqualTo(TrafficBody.TEXT);
        assertThat(b.text()).isEqualTo("Vilnius – 維爾紐斯\n");
        assertThat(b.truncated()).isFalse();
    }

    @Test
    void controlBytesAndInvalidUtf8AreBase64() {
        assertThat(body(new byte[] {'a', 0, 'b'}, 100).encoding()).isEqualTo(TrafficBody.BASE64);
        assertThat(body(new byte[] {(byte) 0xc3, 'x'}, 100).encoding()).isEqualTo(TrafficBody.BASE64);
    }

    @Test
    void cutInsideACharacterIsStillTextAndMarkedTruncated() {
        byte[] cjk = "維爾紐斯".getBytes(StandardCharsets.UTF_8);
        TrafficBody b = body(cjk, 4);
        assertThat(b.truncated()).isTrue();
        assertThat(b.size()).isEqualTo(cjk.length);
        assertThat(b.encoding()).isEqualTo(TrafficBody.TEXT);
        assertThat(b.text()).isEqualTo("維");
    }

    @Test
    void jsonListsTheFieldsInTheirOrderWithBinaryInBase64() {
        TrafficBody b = TrafficBody.of(new byte[] {0, 1, (byte) 0xff, 'x'}, Optional.of("application/octet-stream"),
                true, Optional.of("gzip"), Optional.empty(), 3);
        assertThat(CanonicalJson.toString(b)).isEqualTo("""
                {
                  "size" : 4,
                  "contentType" : "application/octet-stream",
                  "encoding" : "base64",
                  "text" : "AAH/",
                  "truncated" : true,
                  "contentEncoding" : "gzip"
                }
                """);
        assertThat(b.bytes()).containsExactly(0, 1, 0xff);
    }

    @Test
    void bytesOfABinaryBodyAreACopy() {
        TrafficBody b = body(new byte[] {0, 1, 2}, 10);
        b.bytes()[0] = 9;
        assertThat(b.bytes()).containsExactly(0, 1, 2);
        assertThat(b).isEqualTo(body(new byte[] {0, 1, 2}, 10)).isNotEqualTo(body(new byte[] {0, 1, 3}, 10));
    }

    @Property
    void bytesSurviveTheReportUpToTheLimit(@ForAll byte[] content, @ForAll @IntRange(min = 0, max = 64) int limit) {
        TrafficBody b = body(content, limit);
        byte[] back = b.bytes();
        assertThat(b.truncated()).isEqualTo(content.length > limit);
        assertThat(back.length).isLessThanOrEqualTo(Math.min(limit, content.length));
        assertThat(Arrays.copyOf(content, back.length)).isEqualTo(back);
        if (!b.truncated()) {
            assertThat(back).isEqualTo(content);
        }
    }

    private static TrafficBody body(byte[] content, int limit) {
        return TrafficBody.of(content, Optional.of("text/plain"), false, Optional.empty(), Optional.empty(), limit);
    }
}
