package dev.phonehome.apk.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.phonehome.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipFile;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Defects applied to a real resource table (androguard's {@code TestActivity.apk}): only
 * coded problems or an {@link ArscFormatException}, never another exception.
 */
class MalformedArscTest {
    private static final Path APK = Path.of("/usr/share/doc/androguard/examples/android/TestsAndroguard/bin/TestActivity.apk");

    private static byte[] original() throws IOException {
        assumeTrue(Files.isRegularFile(APK), "androguard examples are not installed");
        try (ZipFile zip = new ZipFile(APK.toFile()); InputStream in = zip.getInputStream(zip.getEntry("resources.arsc"))) {
            return in.readAllBytes();
        }
    }

    @Test
    void realTableResolvesItsStringsAndFiles() throws Exception {
        ResourceTable table = ResourceTable.parse(original());
        assertThat(table.problems()).isEmpty();
        assertThat(table.packages()).containsKey(0x7f);
        int layout = table.names().entrySet().stream().filter(e -> e.getValue().startsWith("layout/"))
                .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(table.fileReference(layout)).hasValueSatisfying(p -> assertThat(p).startsWith("res/layout").endsWith(".xml"));
        int string = table.names().entrySet().stream().filter(e -> e.getValue().startsWith("string/"))
                .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(table.string(string, "default")).isPresent();
        assertThat(table.fileReference(string)).isEmpty();
    }

    @Test
    void everyPrefixYieldsATableOrArscFormatException() throws Exception {
        byte[] arsc = original();
        for (int n = 0; n <= arsc.length; n += Math.max(1, arsc.length / 2000)) {
            try {
                ResourceTable table = ResourceTable.parse(Arrays.copyOf(arsc, n));
                if (n < arsc.length) {
                    assertThat(table.problems()).as("prefix of %d bytes", n).isNotEmpty();
                }
            } catch (ArscFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Property(tries = 300)
    void randomByteFlipsYieldOnlyProblemsOrArscFormatException(@ForAll @IntRange(min = 0, max = 100_000) int seed,
            @ForAll @IntRange(min = 1, max = 8) int flips) throws Exception {
        byte[] arsc = original().clone();
        Random random = new Random(seed);
        for (int i = 0; i < flips; i++) {
            arsc[random.nextInt(arsc.length)] = (byte) random.nextInt(256);
        }
        try {
            ResourceTable.parse(arsc);
        } catch (ArscFormatException expected) {
            assertThat(expected.offset()).isBetween(0L, (long) arsc.length);
        }
    }

    @Property(tries = 500)
    void randomChunksAfterAValidHeaderYieldOnlyProblemsOrArscFormatException(
            @ForAll @net.jqwik.api.constraints.Size(max = 600) byte[] body) {
        ByteBuffer arsc = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        arsc.putShort((short) 2).putShort((short) 12).putInt(12 + body.length).putInt(1).put(body);
        try {
            ResourceTable.parse(arsc.array());
        } catch (ArscFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Test
    void tableSizeBeyondFileIsClampedAndRecorded() throws Exception {
        byte[] arsc = original().clone();
        ByteBuffer.wrap(arsc).order(ByteOrder.LITTLE_ENDIAN).putInt(4, Integer.MAX_VALUE);
        ResourceTable table = ResourceTable.parse(arsc);
        assertThat(table.problems()).extracting(Problem::code).contains("arsc.chunk-size");
        assertThat(table.packages()).containsKey(0x7f);
    }

    @Test
    void referenceLoopsEndAtTheDepthLimit() {
        int a = 0x7f010000;
        int b = 0x7f010001;
        ResourceTable table = new ResourceTable(java.util.List.of(
                ResourceValue.simple(a, "default", new ResValue(ResValue.TYPE_REFERENCE, b, null)),
                ResourceValue.simple(b, "default", new ResValue(ResValue.TYPE_REFERENCE, a, null))),
                new java.util.TreeMap<>(), java.util.Map.of(), java.util.Map.of(), java.util.List.of());
        assertThat(table.string(a, "default")).isEmpty();
    }

    @Test
    void notATableIsAnArscFormatException() {
        assertThatThrownBy(() -> ResourceTable.parse(new byte[] {3, 0, 8, 0, 8, 0, 0, 0}))
                .isInstanceOf(ArscFormatException.class).hasMessageContaining("expected 0x0002");
        assertThatThrownBy(() -> ResourceTable.parse(new byte[5]))
                .isInstanceOf(ArscFormatException.class).hasMessageContaining("needs 8 bytes for the table header, remaining 5");
    }
}
