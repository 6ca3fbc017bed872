package dev.phonehome.apk.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.phonehome.core.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A real manifest whose first leaf element (start and end chunk) is repeated many times, as a
 * manifest bloater would: decoding stays within bounded time, and past
 * {@link AxmlParser#MAX_ELEMENTS} elements are dropped with a coded problem.
 */
class LargeManifestTest {
    private static final Path APK = ReferenceApks.ANDROGUARD_EXAMPLES.resolve("android/TestsAndroguard/bin/TestActivity.apk");

    @Test
    void hundredThousandElementsDecodeQuickly() throws Exception {
        byte[] xml = bloated(100_000, false);
        long start = System.nanoTime();
        AndroidManifest m = AndroidManifest.parse(xml);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30)); // generous: CI machines are shared
        assertThat(m.xml().children().size()).isGreaterThan(100_000);
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void elementsPastTheLimitAreDroppedWithOneProblem() throws Exception {
        AxmlDocument d = new AxmlParser("bloated", 1_000).parse(bloated(2_000, false));
        assertThat(d.problems()).extracting(Problem::code).containsExactly("axml.limit");
        assertThat(d.root().children().size()).isLessThan(1_000);
    }

    @Test
    void zeroStrideAttributesCannotAmplifyADocument() throws Exception {
        byte[] xml = bloated(100, false);
        ByteBuffer b = ByteBuffer.wrap(xml).order(ByteOrder.LITTLE_ENDIAN);
        int elements = 0;
        for (int at = 8; at + 8 <= xml.length; at += b.getInt(at + 4)) {
            if (b.getShort(at) == 0x0102) {
                int ext = at + (b.getShort(at + 2) & 0xFFFF);
                b.putShort(ext + 10, (short) 0).putShort(ext + 12, (short) 0xFFFF); // stride 0, 65535 attributes
                elements++;
            }
        }
        AxmlDocument d = new AxmlParser("amplified").parse(xml);
        long kept = count(d.root());
        assertThat(elements).isGreaterThan(AxmlParser.MAX_ATTRIBUTES / 0xFFFF);
        assertThat(kept).isLessThanOrEqualTo(AxmlParser.MAX_ATTRIBUTES);
        assertThat(d.problems()).extracting(Problem::code).contains("axml.attribute-size", "axml.limit");
    }

    private static long count(XmlElement root) {
        long attributes = 0;
        java.util.Deque<XmlElement> todo = new java.util.ArrayDeque<>(java.util.List.of(root));
        while (!todo.isEmpty()) {
            XmlElement e = todo.pop();
            attributes += e.attributes().size();
            todo.addAll(e.children());
        }
        return attributes;
    }

    @Test
    void nestingPastTheDepthLimitIsDroppedWithOneProblem() throws Exception {
        AxmlDocument d = new AxmlParser("nested").parse(bloated(AxmlParser.MAX_DEPTH * 2, true));
        assertThat(d.problems()).extracting(Problem::code).containsExactly("axml.limit");
        assertThat(depth(d.root())).isEqualTo(AxmlParser.MAX_DEPTH);
    }

    private static int depth(XmlElement root) {
        int deepest = 0;
        java.util.Deque<java.util.Map.Entry<XmlElement, Integer>> todo = new java.util.ArrayDeque<>();
        todo.push(java.util.Map.entry(root, 1));
        while (!todo.isEmpty()) {
            var next = todo.pop();
            deepest = Math.max(deepest, next.getValue());
            next.getKey().children().forEach(c -> todo.push(java.util.Map.entry(c, next.getValue() + 1)));
        }
        return deepest;
    }

    /**
     * The manifest with its first leaf under the root repeated {@code copies} more times: side
     * by side, or {@code nested} (all start chunks, then all end chunks).
     */
    private static byte[] bloated(int copies, boolean nested) {
        byte[] xml = ReferenceApks.entry(APK, "AndroidManifest.xml").orElse(null);
        assumeTrue(xml != null, "androguard examples are not installed");
        ByteBuffer b = ByteBuffer.wrap(xml).order(ByteOrder.LITTLE_ENDIAN);
        int at = 8;
        int starts = 0;
        while (true) {
            int type = b.getShort(at) & 0xFFFF;
            int size = b.getInt(at + 4);
            int nextType = b.getShort(at + size) & 0xFFFF;
            if (type == 0x0102 && ++starts > 1 && nextType == 0x0103) {
                int pairEnd = at + size + b.getInt(at + size + 4);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(xml, 0, pairEnd);
                for (int i = 0; i < copies; i++) {
                    out.write(xml, at, nested ? size : pairEnd - at);
                }
                for (int i = 0; nested && i < copies; i++) {
                    out.write(xml, at + size, pairEnd - at - size);
                }
                out.write(xml, pairEnd, xml.length - pairEnd);
                byte[] result = out.toByteArray();
                ByteBuffer.wrap(result).order(ByteOrder.LITTLE_ENDIAN).putInt(4, result.length);
                return result;
            }
            at += size;
        }
    }
}
