package dev.phonehome.apk.dex;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Adler32;

/**
 * Reads DEX files of versions 035 to 041 straight from a {@link ByteBuffer} (a mapped file or a
 * slice of a stored ZIP entry), without copying it. A version 041 file may be a container of
 * several DEX files; each becomes one {@link DexIndex}. Multidex APKs are parsed one
 * {@code classes*.dex} at a time.
 *
 * <p>A file whose header or id tables cannot be trusted is refused with a
 * {@link DexFormatException}. Everything below that (a checksum mismatch, a malformed class,
 * bad code, an index out of range) becomes a {@link dev.phonehome.core.Problem} of the index and
 * the rest of the file is still indexed.
 */
public final class DexFile {
    /** How much of the file's integrity data to check. */
    public enum Verification {
        /** The Adler-32 checksum only (fast). */
        CHECKSUM,
        /** The Adler-32 checksum and the SHA-1 signature. */
        CHECKSUM_AND_SIGNATURE
    }

    private static final int MAP_ITEM_SIZE = 12;
    /** Far more than the 20 or so item types the format defines. */
    private static final int MAX_MAP_ITEMS = 256;
    private static final int TYPE_CALL_SITE_ID_ITEM = 0x0007;
    private static final int TYPE_METHOD_HANDLE_ITEM = 0x0008;

    private DexFile() {
    }

    /** The id tables that only the map list locates (format 038 and later). */
    private record MappedSections(DexSection callSites, DexSection methodHandles) {
    }

    /** Parses {@code buffer} (its remaining bytes), checking the checksum; {@code name} names it in problems. */
    public static List<DexIndex> parse(ByteBuffer buffer, String name) throws DexFormatException {
        return parse(buffer, name, Verification.CHECKSUM);
    }

    /**
     * Parses {@code buffer} (its remaining bytes, which are neither copied nor moved). Returns one
     * index, or one per DEX for a v41 container holding several.
     */
    public static List<DexIndex> parse(ByteBuffer buffer, String name, Verification verification)
            throws DexFormatException {
        ByteCursor whole = ByteCursor.over(buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN), name);
        DexHeader first = DexHeader.read(whole, 0);
        if (!first.isContainer()) {
            ByteCursor data = slice(whole, first.fileSize(), name);
            return List.of(index(data, first, name, verification, whole.limit()));
        }
        long containerSize = first.containerSize();
        if (containerSize > whole.limit()) {
            throw new DexFormatException("DEX header", 112,
                    "container_size needs " + containerSize + " bytes, remaining " + whole.limit());
        }
        ByteCursor data = slice(whole, (int) containerSize, name);
        List<DexHeader> headers = new ArrayList<>();
        for (long at = 0; at < containerSize; at += headers.get(headers.size() - 1).fileSize()) {
            DexHeader header = at == 0 ? first : DexHeader.read(data, (int) at);
            if (header.containerSize() != containerSize) {
                throw new DexFormatException("DEX header", at, "container_size " + header.containerSize()
                        + " differs from the first header's " + containerSize);
            }
            headers.add(header);
        }
        List<DexIndex> indexes = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            String entryName = headers.size() == 1 ? name : name + "[" + i + "]";
            indexes.add(index(data, headers.get(i), entryName, verification, i == 0 ? whole.limit() : data.limit()));
        }
        return List.copyOf(indexes);
    }

    private static DexIndex index(ByteCursor data, DexHeader header, String name, Verification verification,
            long available) throws DexFormatException {
        ProblemLog log = new ProblemLog(name);
        if (available > data.limit()) {
            log.add("dex.size", (available - data.limit()) + " bytes after the DEX data of "
                    + data.limit() + " bytes");
        }
        verifyChecksum(data, header, log);
        if (verification == Verification.CHECKSUM_AND_SIGNATURE) {
            verifySignature(data, header, log);
        }
        int limit = data.limit();
        DexSection classDefs = header.section(DexHeader.CLASS_DEFS, "class_defs", 32, limit);
        MappedSections mapped = mappedSections(data, header, log);
        DexTables tables = new DexTables(data,
                header.section(DexHeader.STRING_IDS, "string_ids", 4, limit),
                header.section(DexHeader.TYPE_IDS, "type_ids", 4, limit),
                header.section(DexHeader.PROTO_IDS, "proto_ids", 12, limit),
                header.section(DexHeader.FIELD_IDS, "field_ids", 8, limit),
                header.section(DexHeader.METHOD_IDS, "method_ids", 8, limit),
                mapped.callSites(), mapped.methodHandles());
        List<DexClass> classes = new ClassIndexer(data, tables, log).index(classDefs);
        return new DexIndex(name, header.version(), tables, classes, log.problems(), new StaticValues(tables, classDefs));
    }

    private static ByteCursor slice(ByteCursor whole, int size, String name) throws DexFormatException {
        try {
            return whole.sliceAt(0, size, name);
        } catch (FormatException e) {
            throw DexFormatException.of(e);
        }
    }

    private static void verifyChecksum(ByteCursor data, DexHeader header, ProblemLog log) throws DexFormatException {
        Adler32 adler = new Adler32();
        adler.update(range(data, header, DexHeader.CHECKSUM_END));
        int computed = (int) adler.getValue();
        if (computed != header.checksum()) {
            log.add("dex.checksum", "header checksum 0x" + Integer.toHexString(header.checksum())
                    + ", computed 0x" + Integer.toHexString(computed));
        }
    }

    private static void verifySignature(ByteCursor data, DexHeader header, ProblemLog log) throws DexFormatException {
        byte[] computed;
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(range(data, header, DexHeader.SIGNATURE_END));
            computed = sha1.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
        ByteBuffer stored = range(data, header, DexHeader.CHECKSUM_END).limit(DexHeader.SIGNATURE_END
                - DexHeader.CHECKSUM_END);
        if (!stored.equals(ByteBuffer.wrap(computed))) {
            HexFormat hex = HexFormat.of();
            byte[] storedBytes = new byte[stored.remaining()];
            stored.get(storedBytes);
            log.add("dex.signature", "header signature " + hex.formatHex(storedBytes) + ", computed "
                    + hex.formatHex(computed));
        }
    }

    /** The bytes of this DEX from {@code from} (relative to its header) to its end. */
    private static ByteBuffer range(ByteCursor data, DexHeader header, int from) throws DexFormatException {
        try {
            return data.sliceAt(header.offset() + (long) from, header.fileSize() - (long) from, "DEX").buffer();
        } catch (FormatException e) {
            throw DexFormatException.of(e);
        }
    }

    /**
     * The call site and method handle tables, which only the map list locates. A broken map is
     * a problem, not a failure: only {@code invoke-custom} and method handles go unresolved.
     */
    private static MappedSections mappedSections(ByteCursor data, DexHeader header, ProblemLog log) {
        DexSection callSites = DexSection.EMPTY_CALL_SITES;
        DexSection methodHandles = DexSection.EMPTY_METHOD_HANDLES;
        if (header.mapOff() != 0) {
            try {
                ByteCursor map = data.sliceAt(header.mapOff(), data.limit() - header.mapOff(), "map_list");
                long size = map.u32();
                if (size > MAX_MAP_ITEMS) {
                    throw map.error("map_list of " + size + " items, at most " + MAX_MAP_ITEMS + " expected");
                }
                map.require(size * MAP_ITEM_SIZE);
                for (int k = 0; k < size; k++) {
                    int type = map.u16();
                    map.skip(2);
                    long count = map.u32();
                    long offset = map.u32();
                    if (type == TYPE_CALL_SITE_ID_ITEM) {
                        callSites = DexSection.of("call_site_ids", count, offset, 4, data.limit(), header.offset());
                    } else if (type == TYPE_METHOD_HANDLE_ITEM) {
                        methodHandles = DexSection.of("method_handles", count, offset, 8, data.limit(),
                                header.offset());
                    }
                }
            } catch (FormatException e) {
                log.add("dex.map", e.getMessage());
            }
        }
        return new MappedSections(callSites, methodHandles);
    }
}
