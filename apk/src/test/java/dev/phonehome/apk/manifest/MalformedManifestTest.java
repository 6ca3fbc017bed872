package dev.phonehome.apk.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.phonehome.core.Problem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Defects applied to a real manifest (androguard's {@code TestActivity.apk}): every outcome is
 * a manifest with coded problems or an {@link AxmlFormatException}, never another exception.
 */
class MalformedManifestTest {
    private static final Path APK = ReferenceApks.ANDROGUARD_EXAMPLES.resolve(
            "android/TestsAndroguard/bin/TestActivity.apk");

    private static byte[] original() {
        byte[] xml = ReferenceApks.entry(APK, "AndroidManifest.xml").orElse(null);
        assumeTrue(xml != null, "androguard examples are not installed");
        return xml;
    }

    @Test
    void everyPrefixYieldsAManifestOrAxmlFormatException() {
        byte[] xml = original();
        for (int n = 0; n <= xml.length; n++) {
            byte[] prefix = Arrays.copyOf(xml, n);
            try {
                AndroidManifest m = AndroidManifest.parse(prefix);
                if (n < xml.length) {
                    assertThat(m.problems()).as("prefix of %d bytes", n).isNotEmpty();
                }
            } catch (AxmlFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Property(tries = 300)
    void randomByteFlipsYieldOnlyProblemsOrAxmlFormatException(@ForAll @IntRange(min = 0, max = 100_000) int seed,
            @ForAll @IntRange(min = 1, max = 8) int flips) {
        byte[] xml = original().clone();
        Random random = new Random(seed);
        for (int i = 0; i < flips; i++) {
            xml[random.nextInt(xml.length)] = (byte) random.nextInt(256);
        }
        try {
            AndroidManifest.parse(xml);
        } catch (AxmlFormatException expected) {
            assertThat(expected.offset()).isBetween(0L, (long) xml.length);
        }
    }

    @Property(tries = 500)
    void randomChunksAfterAValidHeaderYieldOnlyProblemsOrAxmlFormatException(
            @ForAll @net.jqwik.api.constraints.Size(max = 600) byte[] body) {
        ByteBuffer xml = ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        xml.putShort((short) 3).putShort((short) 8).putInt(8 + body.length).put(body);
        try {
            AndroidManifest.parse(xml.array());
        } catch (AxmlFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    /** Random sequences of the chunk types the decoder knows, with plausible header sizes and random fields. */
    @Property(tries = 1000)
    void randomChunkSequencesYieldOnlyProblemsOrAxmlFormatException(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 12) int chunks) {
        int[] types = {0x0001, 0x0180, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104, 0x0102, 0x0103, 0x7777};
        int[] headerSizes = {28, 8, 16, 16, 16, 16, 16, 16, 16, 8};
        Random random = new Random(seed);
        ByteBuffer xml = ByteBuffer.allocate(8 + chunks * 200).order(ByteOrder.LITTLE_ENDIAN);
        xml.putShort((short) 3).putShort((short) 8).putInt(0);
        for (int i = 0; i < chunks; i++) {
            int kind = random.nextInt(types.length);
            byte[] fields = new byte[random.nextInt(120)];
            random.nextBytes(fields);
            for (int f = 0; f + 4 <= fields.length; f += 4) {
                if (random.nextBoolean()) { // small numbers reach deeper than random ones
                    ByteBuffer.wrap(fields, f, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(random.nextInt(24) - 1);
                }
            }
            int size = 8 + fields.length;
            xml.putShort((short) types[kind]).putShort((short) headerSizes[kind])
                    .putInt(random.nextInt(10) == 0 ? random.nextInt() : size).put(fields);
        }
        xml.putInt(4, random.nextInt(10) == 0 ? random.nextInt() : xml.position());
        try {
            AndroidManifest m = AndroidManifest.parse(Arrays.copyOf(xml.array(), xml.position()));
            net.jqwik.api.statistics.Statistics.collect(m.xml().children().isEmpty() ? "root only" : "tree");
        } catch (AxmlFormatException expected) {
            net.jqwik.api.statistics.Statistics.collect("refused");
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Test
    void chunkSizeBeyondFileIsClampedAndRecorded() throws Exception {
        byte[] xml = original().clone();
        ByteBuffer.wrap(xml).order(ByteOrder.LITTLE_ENDIAN).putInt(4, xml.length + 1000);
        AndroidManifest m = AndroidManifest.parse(xml);
        assertThat(m.packageName()).isEqualTo(AndroidManifest.parse(original()).packageName());
        assertThat(m.problems()).extracting(Problem::code).contains("axml.chunk-size");
    }

    @Test
    void documentHeaderLargerThanEightBytesIsHonouredLikeAndroid() throws Exception {
        byte[] xml = original();
        // Four padding bytes after the document header, announced by its header size, as packers write.
        byte[] padded = new byte[xml.length + 4];
        System.arraycopy(xml, 0, padded, 0, 8);
        System.arraycopy(xml, 8, padded, 12, xml.length - 8);
        ByteBuffer.wrap(padded).order(ByteOrder.LITTLE_ENDIAN).putShort(2, (short) 12).putInt(4, padded.length);
        AndroidManifest m = AndroidManifest.parse(padded);
        assertThat(m.packageName()).isEqualTo(AndroidManifest.parse(xml).packageName()).isNotEmpty();
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void strippedAttributeNamesResolveByResourceId() throws Exception {
        byte[] xml = original();
        byte[] stripped = xml.clone();
        for (String name : new String[] {"versionCode", "versionName", "minSdkVersion", "name", "label"}) {
            replaceUtf16(stripped, name);
        }
        assertThat(stripped).isNotEqualTo(xml);
        AndroidManifest plain = AndroidManifest.parse(xml);
        AndroidManifest obfuscated = AndroidManifest.parse(stripped);
        assertThat(obfuscated.versionCode()).isEqualTo(plain.versionCode()).isPositive();
        assertThat(obfuscated.versionName()).isEqualTo(plain.versionName()).isNotNull();
        assertThat(obfuscated.minSdk()).isEqualTo(plain.minSdk());
        assertThat(obfuscated.usesPermissionNames()).isEqualTo(plain.usesPermissionNames());
        assertThat(obfuscated.application().components()).isEqualTo(plain.application().components()).isNotEmpty();
        assertThat(obfuscated.xml().attribute(AndroidAttr.VERSION_CODE).orElseThrow().name()).isEqualTo("zzzzzzzzzzz");
    }

    @Test
    void bufferInputIsReadFromItsPositionWhateverItsByteOrder() throws Exception {
        byte[] xml = original();
        ByteBuffer shifted = ByteBuffer.allocate(xml.length + 3).order(ByteOrder.BIG_ENDIAN);
        shifted.position(3);
        shifted.put(xml).position(3);
        AndroidManifest fromBuffer = AndroidManifest.parse(shifted);
        assertThat(fromBuffer.application()).isEqualTo(AndroidManifest.parse(xml).application());
        assertThat(shifted.position()).isEqualTo(3);
        assertThat(shifted.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
    }

    @Test
    void tooShortInputIsAnAxmlFormatExceptionNamingTheNumbers() {
        assertThatThrownBy(() -> AndroidManifest.parse(new byte[] {3, 0, 8}))
                .isInstanceOf(AxmlFormatException.class).hasMessageContaining("needs 8 bytes").hasMessageContaining("3");
    }

    @Test
    void documentWithoutElementsIsAnAxmlFormatException() {
        byte[] empty = {3, 0, 8, 0, 8, 0, 0, 0};
        assertThatThrownBy(() -> AndroidManifest.parse(empty)).isInstanceOf(AxmlFormatException.class)
                .hasMessageContaining("no start element");
    }

    /** Overwrites the UTF-16LE pool string equal to {@code name} (length-prefixed) with 'z's of the same length. */
    private static void replaceUtf16(byte[] xml, String name) {
        byte[] needle = new byte[2 + name.length() * 2 + 2];
        needle[0] = (byte) name.length();
        System.arraycopy(name.getBytes(StandardCharsets.UTF_16LE), 0, needle, 2, name.length() * 2);
        byte[] z = "z".repeat(name.length()).getBytes(StandardCharsets.UTF_16LE);
        for (int i = 0; i + needle.length <= xml.length; i++) {
            if (Arrays.equals(xml, i, i + needle.length, needle, 0, needle.length)) {
                System.arraycopy(z, 0, xml, i + 2, z.length);
            }
        }
    }
}
