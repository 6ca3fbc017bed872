package dev.phonehome.apk.resources;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a resources.arsc table: global string pool, packages (several, and shared-library
 * packages with id 0), their type and key pools, type chunks in every configuration, and
 * library chunks. A bad package or type chunk becomes an {@code arsc.*} problem and the
 * others are still read.
 */
public final class ArscParser {
    /** Values kept per table; framework-res has about 60,000, a hostile table could claim billions. */
    public static final int MAX_VALUES = 2_000_000;
    /** Resource names are identifiers; longer type or key strings are clipped to this many characters. */
    public static final int MAX_NAME_CHARS = 256;
    /** Items kept per bag (array, style, plural); real arrays hold hundreds at most. */
    public static final int MAX_BAG_ITEMS = 65_536;
    private static final int PACKAGE_NAME_CHARS = 128;

    private final ProblemLog problems = new ProblemLog("resources.arsc");
    private final List<ResourceValue> values = new ArrayList<>();
    private final SortedMap<Integer, String> names = new TreeMap<>();
    /** Entries named so far, per package and type (the id's upper 16 bits): one name per resource. */
    private final Map<Integer, BitSet> named = new HashMap<>();
    private final Map<Integer, String> packages = new TreeMap<>();
    private final Map<Integer, String> libraries = new TreeMap<>();
    private StringPool globalStrings;
    private long valueCount;

    private ArscParser() {
    }

    public static ResourceTable parse(byte[] bytes) throws ArscFormatException {
        return parse(ByteBuffer.wrap(bytes));
    }

    /** Reads the remaining bytes of {@code buffer}; the buffer is not modified. */
    public static ResourceTable parse(ByteBuffer buffer) throws ArscFormatException {
        ArscParser parser = new ArscParser();
        try {
            parser.table(ByteCursor.over(buffer, "resources.arsc").order(ByteOrder.LITTLE_ENDIAN));
        } catch (ArscFormatException e) {
            throw e;
        } catch (FormatException e) {
            throw ArscFormatException.wrap(e);
        }
        return new ResourceTable(parser.values, parser.names, parser.packages, parser.libraries,
                parser.problems.problems());
    }

    private void table(ByteCursor in) throws FormatException {
        if (!in.hasRemaining(ResChunk.HEADER)) {
            throw new ArscFormatException(in.structure(), 0, "needs 8 bytes for the table header, remaining " + in.remaining());
        }
        ResChunk table = ResChunk.read(in, "arsc", problems);
        if (table.type() != ResChunk.TABLE) {
            throw new ArscFormatException(in.structure(), 0, String.format("table chunk type 0x%04x, expected 0x0002", table.type()));
        }
        globalStrings = StringPool.empty("arsc", problems);
        ByteCursor chunks = table.data();
        while (chunks.hasRemaining(ResChunk.HEADER)) {
            ResChunk chunk = ResChunk.read(chunks, "arsc", problems);
            if (chunk.type() == ResChunk.STRING_POOL && globalStrings.size() == 0) {
                globalStrings = StringPool.read(chunk, "arsc", problems);
            } else if (chunk.type() == ResChunk.TABLE_PACKAGE) {
                try {
                    pkg(chunk);
                } catch (FormatException e) {
                    problems.add("arsc.package", e.getMessage());
                }
            } else {
                problems.add("arsc.unknown-chunk", String.format("chunk 0x%04x at offset %d skipped", chunk.type(), chunk.offset()));
            }
        }
    }

    private void pkg(ResChunk chunk) throws FormatException {
        ByteCursor header = chunk.header(4 + PACKAGE_NAME_CHARS * 2 + 20);
        int id = header.s32() & 0xFF;
        String name = utf16z(header.bytes(PACKAGE_NAME_CHARS * 2));
        long typeStrings = header.u32();
        header.u32();
        long keyStrings = header.u32();
        header.u32();
        int typeIdOffset = header.s32();
        packages.put(id, name);
        StringPool types = pool(chunk, typeStrings, "type");
        StringPool keys = pool(chunk, keyStrings, "key");
        ByteCursor chunks = chunk.data();
        while (chunks.hasRemaining(ResChunk.HEADER)) {
            ResChunk c = ResChunk.read(chunks, "arsc", problems);
            try {
                if (c.type() == ResChunk.TABLE_TYPE) {
                    type(id, c, types, keys, typeIdOffset);
                } else if (c.type() == ResChunk.TABLE_LIBRARY) {
                    library(c);
                }
            } catch (FormatException e) {
                problems.add("arsc.type", e.getMessage());
            }
        }
    }

    private StringPool pool(ResChunk pkg, long offset, String what) throws FormatException {
        if (offset == 0 || offset + ResChunk.HEADER > pkg.size()) {
            problems.add("arsc.string-offset", what + " strings of package at offset " + pkg.offset()
                    + " at " + offset + ", outside its " + pkg.size() + " bytes");
            return StringPool.empty("arsc", problems);
        }
        ByteCursor at = pkg.body().named(what + " strings").seek(offset);
        return StringPool.read(ResChunk.read(at, "arsc", problems), "arsc", problems);
    }

    private void type(int packageId, ResChunk chunk, StringPool types, StringPool keys, int typeIdOffset)
            throws FormatException {
        int typeId = chunk.header(1).u8();
        String typeName = clip(types.get(typeId - 1 - typeIdOffset));
        int prefix = packageId << 24 | typeId << 16;
        BitSet seen = named.computeIfAbsent(prefix, k -> new BitSet());
        TypeChunkReader.read(chunk, globalStrings, problems, (config, entry, key, value, complex, items) -> {
            boolean over = valueCount > MAX_VALUES;
            valueCount += 1 + items.size(); // a bag's items count against the limit like values
            if (!over && valueCount > MAX_VALUES) {
                problems.add("arsc.limit", "more than " + MAX_VALUES + " values; the rest are not kept");
            }
            if (valueCount <= MAX_VALUES) {
                int resId = prefix | (entry & 0xFFFF);
                values.add(new ResourceValue(resId, config, value, complex, items));
                if (!seen.get(entry & 0xFFFF)) {
                    seen.set(entry & 0xFFFF);
                    names.put(resId, typeName + "/" + clip(keys.get(key)));
                }
            }
        });
    }

    private void library(ResChunk chunk) throws FormatException {
        ByteCursor data = chunk.data();
        long count = chunk.header(4).u32();
        for (long i = 0; i < count && data.hasRemaining(4 + PACKAGE_NAME_CHARS * 2); i++) {
            int id = data.s32();
            libraries.put(id, utf16z(data.bytes(PACKAGE_NAME_CHARS * 2)));
        }
    }

    /** Names are shared by many entries; clipping keeps a huge pool string from being copied into each. */
    private static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_NAME_CHARS ? s : s.substring(0, MAX_NAME_CHARS);
    }

    private static String utf16z(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < bytes.length; i += 2) {
            char c = (char) ((bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8);
            if (c == 0) {
                break;
            }
            b.append(c);
        }
        return b.toString();
    }
}
