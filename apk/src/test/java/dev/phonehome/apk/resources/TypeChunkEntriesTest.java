package dev.phonehome.apk.resources;

import dev.phonehome.core.ProblemLog;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.io.ByteCursor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three entry-offset layouts of a {@code ResTable_type} chunk (dense 32-bit, Android 8
 * sparse, Android 14 16-bit) and the three entry kinds (simple, complex, Android 14 compact),
 * on type chunks assembled byte by byte: entry 0 is a simple integer, entry 2 a compact
 * integer, entry 3 a bag of two integers; entry 1 is absent.
 */
class TypeChunkEntriesTest {
    private static final int SPARSE = 0x01;
    private static final int OFFSET16 = 0x02;
    private static final int CONFIG_SIZE = 64;

    private static byte[] entries() {
        ByteBuffer b = ByteBuffer.allocate(16 + 8 + 16 + 2 * 12).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 8).putShort((short) 0).putInt(10).putShort((short) 8).put((byte) 0).put((byte) 0x10).putInt(42);
        b.putShort((short) 11).putShort((short) (0x0008 | 0x10 << 8)).putInt(7); // compact: key 11, int 7
        b.putShort((short) 16).putShort((short) 1).putInt(12).putInt(0).putInt(2); // complex, two items:
        b.putInt(0x02000000).putShort((short) 8).put((byte) 0).put((byte) 0x10).putInt(5); // array item 0, int 5
        b.putInt(0x02000001).putShort((short) 8).put((byte) 0).put((byte) 0x10).putInt(6); // array item 1, int 6
        return b.array();
    }

    private static byte[] typeChunk(int flags) {
        int[] entryOffsets = {0, 16, 24};
        int[] entryIndices = {0, 2, 3};
        boolean sparse = (flags & SPARSE) != 0;
        boolean offset16 = (flags & OFFSET16) != 0;
        int count = sparse ? 3 : 4;
        int slot = offset16 ? 2 : 4;
        int headerSize = 20 + CONFIG_SIZE;
        int entriesStart = headerSize + count * slot;
        byte[] entries = entries();
        ByteBuffer b = ByteBuffer.allocate(entriesStart + entries.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x0201).putShort((short) headerSize).putInt(entriesStart + entries.length);
        b.put((byte) 1).put((byte) flags).putShort((short) 0).putInt(count).putInt(entriesStart);
        b.putInt(CONFIG_SIZE).put(new byte[] {0, 0, 0, 0, 'f', 'r', 0, 0}).position(b.position() + CONFIG_SIZE - 12);
        for (int i = 0, e = 0; i < count; i++) {
            if (sparse) {
                b.putShort((short) entryIndices[i]).putShort((short) (entryOffsets[i] / 4));
            } else if (i == 1) {
                b.put(offset16 ? new byte[] {-1, -1} : new byte[] {-1, -1, -1, -1});
            } else if (offset16) {
                b.putShort((short) (entryOffsets[e++] / 4));
            } else {
                b.putInt(entryOffsets[e++]);
            }
        }
        return b.put(entries).array();
    }

    private static List<String> read(int flags) throws Exception {
        ProblemLog problems = new ProblemLog("t");
        List<String> seen = new ArrayList<>();
        ResChunk chunk = ResChunk.read(ByteCursor.littleEndian(typeChunk(flags), "type"), "arsc", problems);
        TypeChunkReader.read(chunk, StringPool.empty("arsc", problems), problems, (config, entry, key, value, complex, items) ->
                seen.add(config + " #" + entry + " key" + key + " " + (complex ? "bag" + items.stream().map(ResValue::coerceToString).toList()
                        : value.coerceToString())));
        assertThat(problems.problems()).isEmpty();
        return seen;
    }

    @Test
    void denseOffsetsSkipAbsentEntries() throws Exception {
        assertThat(read(0)).containsExactly("fr #0 key10 42", "fr #2 key11 7", "fr #3 key12 bag[5, 6]");
    }

    @Test
    void sparseEntriesCarryTheirIndex() throws Exception {
        assertThat(read(SPARSE)).containsExactly("fr #0 key10 42", "fr #2 key11 7", "fr #3 key12 bag[5, 6]");
    }

    @Test
    void sixteenBitOffsetsAreInUnitsOfFourBytes() throws Exception {
        assertThat(read(OFFSET16)).containsExactly("fr #0 key10 42", "fr #2 key11 7", "fr #3 key12 bag[5, 6]");
    }
}
