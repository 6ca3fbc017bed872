package dev.phonehome.apk.resources;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the entries of one {@code ResTable_type} chunk: dense 32-bit offsets, 16-bit offsets
 * ({@code FLAG_OFFSET16}) or sparse index/offset pairs ({@code FLAG_SPARSE}); simple, compact
 * and complex entries with their map items.
 */
final class TypeChunkReader {
    private static final int FLAG_SPARSE = 0x01;
    private static final int FLAG_OFFSET16 = 0x02;
    private static final int ENTRY_COMPLEX = 0x0001;
    private static final int ENTRY_COMPACT = 0x0008;
    private static final long NO_ENTRY = 0xFFFFFFFFL;
    private static final int NO_ENTRY16 = 0xFFFF;

    /** Receives each entry read; {@code items} are a complex entry's map values, else empty. */
    interface Sink {
        void entry(String config, int entryIndex, int keyIndex, ResValue value, boolean complex, List<ResValue> items);
    }

    /** Size of one ResTable_map: a name (ResTable_ref) and a Res_value. */
    private static final int MAP_SIZE = 12;

    private TypeChunkReader() {
    }

    static void read(ResChunk chunk, StringPool globalStrings, ProblemLog problems, Sink sink) throws FormatException {
        ByteCursor header = chunk.header(12 + ResourceConfig.KNOWN_SIZE);
        header.u8(); // type id, read by the caller
        int flags = header.u8();
        header.u16();
        long entryCount = header.u32();
        long entriesStart = header.u32();
        byte[] config = header.bytes(ResourceConfig.KNOWN_SIZE);
        long configSize = Integer.toUnsignedLong(ByteCursor.littleEndian(config, "config").s32());
        for (long i = Math.max(4, configSize); i < config.length; i++) {
            config[(int) i] = 0; // bytes past the declared config size belong to other structures
        }
        String qualifier = ResourceConfig.qualifier(config);
        boolean sparse = (flags & FLAG_SPARSE) != 0;
        int slot = !sparse && (flags & FLAG_OFFSET16) != 0 ? 2 : 4;
        long fit = (chunk.size() - chunk.headerSize()) / slot;
        if (entryCount > fit) {
            problems.add("arsc.entry-count", String.format("type chunk at offset %d claims %d entries, room for %d; clamped",
                    chunk.offset(), entryCount, fit));
            entryCount = fit;
        }
        if (entriesStart > chunk.size()) {
            problems.add("arsc.entry-range", String.format("type chunk at offset %d starts entries at %d, past its %d bytes",
                    chunk.offset(), entriesStart, chunk.size()));
            return;
        }
        ByteCursor offsets = chunk.body().sliceAt(chunk.headerSize(), entryCount * slot, "type entry offsets");
        ByteCursor entries = chunk.body().sliceAt(entriesStart, chunk.size() - entriesStart, "type entries");
        for (int i = 0; i < entryCount; i++) {
            int index = i;
            long offset;
            if (sparse) {
                index = offsets.u16();
                offset = offsets.u16() * 4L;
            } else if (slot == 2) {
                int o = offsets.u16();
                offset = o == NO_ENTRY16 ? NO_ENTRY : o * 4L;
            } else {
                offset = offsets.u32();
            }
            if (offset == NO_ENTRY) {
                continue;
            }
            try {
                entry(entries.seek(offset), qualifier, index, globalStrings, problems, sink);
            } catch (FormatException e) {
                // Named only on failure: a framework table has hundreds of thousands of entries.
                problems.add("arsc.entry-range", "entry " + index + ": " + e.getMessage());
            }
        }
    }

    private static void entry(ByteCursor in, String config, int index, StringPool globalStrings, ProblemLog problems,
            Sink sink) throws FormatException {
        int start = in.position();
        int size = in.u16();
        int flags = in.u16();
        if ((flags & ENTRY_COMPACT) != 0) {
            int data = in.s32();
            sink.entry(config, index, size, value(flags >>> 8, data, globalStrings), false, List.of());
            return;
        }
        int key = in.s32();
        if ((flags & ENTRY_COMPLEX) != 0) {
            sink.entry(config, index, key, new ResValue(ResValue.TYPE_NULL, 0, null), true,
                    items(in, index, start, size, globalStrings, problems));
            return;
        }
        // Android finds the value after the declared entry size, whatever it is.
        in.seek(start + (long) size);
        in.u16();
        in.u8();
        int type = in.u8();
        sink.entry(config, index, key, value(type, in.s32(), globalStrings), false, List.of());
    }

    /**
     * The map values of a complex entry (ResTable_map_entry: parent, count; the maps start at the
     * declared entry size, as Android reads them). A count past the chunk or over
     * {@link ArscParser#MAX_BAG_ITEMS} is clamped and reported.
     */
    private static List<ResValue> items(ByteCursor in, int index, int start, int size, StringPool globalStrings,
            ProblemLog problems) throws FormatException {
        in.u32(); // parent, a style's base; arrays have none
        long count = in.u32();
        in.seek(start + (long) size);
        long fit = in.remaining() / MAP_SIZE;
        long kept = Math.min(count, Math.min(fit, ArscParser.MAX_BAG_ITEMS));
        if (kept < count) {
            problems.add("arsc.bag-count", String.format("entry %d claims %d items, %d kept (room for %d, limit %d)",
                    index, count, kept, fit, ArscParser.MAX_BAG_ITEMS));
        }
        List<ResValue> items = new ArrayList<>((int) kept);
        for (long i = 0; i < kept; i++) {
            in.u32(); // name: an attribute id, or 0x02000000 + index for array items
            in.u16();
            in.u8();
            int type = in.u8();
            items.add(value(type, in.s32(), globalStrings));
        }
        return items;
    }

    private static ResValue value(int type, int data, StringPool globalStrings) {
        return new ResValue(type, data, type == ResValue.TYPE_STRING ? globalStrings.get(data) : null);
    }
}
