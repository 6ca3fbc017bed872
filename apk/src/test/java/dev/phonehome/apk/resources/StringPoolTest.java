package dev.phonehome.apk.resources;

import dev.phonehome.core.ProblemLog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import dev.phonehome.core.io.ByteCursor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** String pool tricks seen in packed and malicious APKs, on pools assembled byte by byte. */
class StringPoolTest {
    private final ProblemLog problems = new ProblemLog("test.xml");

    /** A pool chunk declaring {@code declaredCount} strings with these offsets and string bytes. */
    private static byte[] chunk(boolean utf8, long declaredCount, int[] offsets, byte[] data) {
        int stringsStart = 28 + 4 * offsets.length;
        ByteBuffer b = ByteBuffer.allocate(stringsStart + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 1).putShort((short) 28).putInt(stringsStart + data.length)
                .putInt((int) declaredCount).putInt(0).putInt(utf8 ? 0x100 : 0).putInt(stringsStart).putInt(0);
        for (int o : offsets) {
            b.putInt(o);
        }
        return b.put(data).array();
    }

    private static byte[] utf16(String... strings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String s : strings) {
            out.write(s.length());
            out.write(s.length() >>> 8);
            out.writeBytes(s.getBytes(StandardCharsets.UTF_16LE));
            out.write(0);
            out.write(0);
        }
        return out.toByteArray();
    }

    private StringPool read(byte[] chunk) throws Exception {
        return StringPool.read(ResChunk.read(ByteCursor.littleEndian(chunk, "pool"), "axml", problems), "axml", problems);
    }

    private java.util.List<String> codes() {
        return problems.problems().stream().map(Problem::code).toList();
    }

    @Test
    void utf16StringsDecode() throws Exception {
        StringPool pool = read(chunk(false, 2, new int[] {0, 14}, utf16("manif", "名前")));
        assertThat(pool.get(0)).isEqualTo("manif");
        assertThat(pool.get(1)).isEqualTo("名前");
        assertThat(pool.isUtf8()).isFalse();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void utf8StringsWithTwoByteLengthsDecode() throws Exception {
        String longText = "é".repeat(200);
        byte[] bytes = longText.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(new byte[] {(byte) 0x80, (byte) 200, (byte) (0x80 | (bytes.length >> 8)), (byte) bytes.length});
        data.writeBytes(bytes);
        data.write(0);
        StringPool pool = read(chunk(true, 1, new int[] {0}, data.toByteArray()));
        assertThat(pool.get(0)).isEqualTo(longText);
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void countLargerThanTheOffsetTableIsClamped() throws Exception {
        StringPool pool = read(chunk(false, 1_000_000, new int[] {0}, utf16("a")));
        assertThat(pool.size()).isLessThan(10);
        assertThat(pool.get(0)).isEqualTo("a");
        assertThat(codes()).contains("axml.string-count");
    }

    @Test
    void offsetOutsideTheDataIsAnEmptyStringAndAProblem() throws Exception {
        StringPool pool = read(chunk(false, 2, new int[] {0, 0x7fff0000}, utf16("a")));
        assertThat(pool.get(1)).isEmpty();
        assertThat(codes()).containsExactly("axml.string-offset");
    }

    @Test
    void indexOutsideThePoolIsAnEmptyStringAndNoStringIsNull() throws Exception {
        StringPool pool = read(chunk(false, 1, new int[] {0}, utf16("a")));
        assertThat(pool.get(-1)).isNull();
        assertThat(pool.get(5)).isEmpty();
        assertThat(codes()).containsExactly("axml.string-index");
    }

    @Test
    void overlongLengthIsTruncatedToTheData() throws Exception {
        byte[] data = utf16("abc");
        data[0] = 0x50; // claims 80 characters
        StringPool pool = read(chunk(false, 1, new int[] {0}, data));
        assertThat(pool.get(0)).startsWith("abc");
        assertThat(codes()).contains("axml.string-length");
    }

    @Test
    void missingTerminatorIsRecorded() throws Exception {
        byte[] data = utf16("abc", "d");
        data[8] = 'x'; // overwrite the NUL after "abc"
        StringPool pool = read(chunk(false, 1, new int[] {0}, data));
        assertThat(pool.get(0)).isEqualTo("abc");
        assertThat(codes()).containsExactly("axml.string-unterminated");
    }

    @Test
    void overlappingOffsetsCannotDecodeUnboundedText() throws Exception {
        int length = 0x7FFF;
        byte[] data = utf16("x".repeat(length));
        int[] offsets = new int[(int) (StringPool.MAX_DECODED_CHARS / length) + 10];
        StringPool pool = read(chunk(false, offsets.length, offsets, data));
        long decoded = 0;
        for (int i = 0; i < offsets.length; i++) {
            decoded += pool.get(i).length();
        }
        assertThat(decoded).isLessThanOrEqualTo(StringPool.MAX_DECODED_CHARS + length);
        assertThat(codes()).contains("axml.string-budget");
    }
}
