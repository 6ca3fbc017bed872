package dev.phonehome.apk.resources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import dev.phonehome.testkit.axml.ResourcesArscWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Bag (complex) entries that lie about their item count, size or contents: clamped, recorded, never thrown. */
class HostileBagTest {
    private static final List<String> ITEMS = List.of("one", "two", "three", "four", "five", "six");

    private int arrayId;

    private byte[] table() {
        ResourcesArscWriter res = new ResourcesArscWriter("com.phonehome.test");
        res.string("string", "label", "Label");
        arrayId = res.stringArray("words", ITEMS);
        return res.build();
    }

    /** Offset of the bag's ResTable_map_entry: size 16, FLAG_COMPLEX, then key, parent 0 and the item count. */
    private static int bagEntry(byte[] arsc) {
        ByteBuffer b = ByteBuffer.wrap(arsc).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 16 <= arsc.length; i += 4) {
            if (b.getShort(i) == 16 && b.getShort(i + 2) == 1 && b.getInt(i + 8) == 0 && b.getInt(i + 12) == ITEMS.size()) {
                return i;
            }
        }
        throw new AssertionError("no bag entry");
    }

    private ResourceValue words(ResourceTable table) {
        return table.resolve(arrayId).get(0);
    }

    @Test
    void aWellFormedArrayKeepsItsItemsInOrder() throws Exception {
        ResourceTable table = ResourceTable.parse(table());
        assertThat(table.problems()).isEmpty();
        assertThat(words(table).complex()).isTrue();
        assertThat(table.stringItems(words(table))).containsExactlyElementsOf(ITEMS);
        assertThat(table.name(arrayId)).hasValue("array/words");
    }

    @Test
    void aHugeItemCountIsClampedToTheChunk() throws Exception {
        byte[] arsc = table();
        ByteBuffer.wrap(arsc).order(ByteOrder.LITTLE_ENDIAN).putInt(bagEntry(arsc) + 12, Integer.MAX_VALUE);
        ResourceTable table = ResourceTable.parse(arsc);
        assertThat(table.problems()).extracting(Problem::code).contains("arsc.bag-count");
        assertThat(table.problems()).extracting(Problem::message).anyMatch(m -> m.contains("claims 4294967295")
                || m.contains("claims 2147483647"));
        assertThat(words(table).items()).hasSize(ITEMS.size());
        assertThat(table.stringItems(words(table))).containsExactlyElementsOf(ITEMS);
    }

    @Test
    void anEntrySizePastTheChunkIsAnEntryRangeProblem() throws Exception {
        byte[] arsc = table();
        ByteBuffer.wrap(arsc).order(ByteOrder.LITTLE_ENDIAN).putShort(bagEntry(arsc), (short) 0x7ff0);
        ResourceTable table = ResourceTable.parse(arsc);
        assertThat(table.problems()).extracting(Problem::code).containsAnyOf("arsc.entry-range", "arsc.bag-count");
        assertThat(table.string(table.names().firstKey(), "default")).hasValue("Label");
    }

    @Test
    void itemsReferringToTheArrayItselfResolveToNothing() throws Exception {
        byte[] arsc = table();
        ByteBuffer b = ByteBuffer.wrap(arsc).order(ByteOrder.LITTLE_ENDIAN);
        int first = bagEntry(arsc) + 16;
        for (int i = 0; i < ITEMS.size(); i++) {
            b.put(first + i * 12 + 7, (byte) ResValue.TYPE_REFERENCE).putInt(first + i * 12 + 8, arrayId);
        }
        ResourceTable table = ResourceTable.parse(arsc);
        assertThat(words(table).items()).allMatch(ResValue::isReference);
        assertThat(table.stringItems(words(table))).isEmpty();
    }

    @Property(tries = 300)
    void byteFlipsInATableWithArraysYieldOnlyProblemsOrArscFormatException(
            @ForAll @IntRange(min = 0, max = 100_000) int seed, @ForAll @IntRange(min = 1, max = 8) int flips) {
        byte[] arsc = table();
        Random random = new Random(seed);
        for (int i = 0; i < flips; i++) {
            arsc[random.nextInt(arsc.length)] = (byte) random.nextInt(256);
        }
        try {
            ResourceTable table = ResourceTable.parse(arsc);
            List<String> all = new ArrayList<>();
            table.names().keySet().forEach(id -> table.resolve(id).forEach(v -> all.addAll(table.stringItems(v))));
            assertThat(all.size()).isLessThanOrEqualTo(ArscParser.MAX_BAG_ITEMS * table.names().size());
        } catch (ArscFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
