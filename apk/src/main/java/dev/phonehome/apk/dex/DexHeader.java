package dev.phonehome.apk.dex;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;

/**
 * The {@code header_item} of one DEX (one of several in a v41 container). Offsets are relative
 * to the start of the DEX data: the file for versions up to 040, the whole container for 041.
 */
record DexHeader(
        int offset,
        int version,
        int checksum,
        int fileSize,
        int headerSize,
        long mapOff,
        long[] counts,
        long[] offsets,
        long containerSize) {

    static final int BASE_SIZE = 0x70;
    static final int CONTAINER_SIZE = 0x78;
    static final int MIN_VERSION = 35;
    static final int MAX_VERSION = 41;
    static final int CONTAINER_VERSION = 41;
    static final int CHECKSUM_END = 12;
    static final int SIGNATURE_END = 32;
    private static final int ENDIAN_CONSTANT = 0x12345678;
    private static final int REVERSE_ENDIAN_CONSTANT = 0x78563412;

    /** Index of each id table in {@link #counts()} and {@link #offsets()}, in header order. */
    static final int STRING_IDS = 0;
    static final int TYPE_IDS = 1;
    static final int PROTO_IDS = 2;
    static final int FIELD_IDS = 3;
    static final int METHOD_IDS = 4;
    static final int CLASS_DEFS = 5;

    /** Reads the header at {@code at} of {@code data} (the file, or the whole container). */
    static DexHeader read(ByteCursor data, int at) throws DexFormatException {
        try {
            ByteCursor in = data.sliceAt(at, Math.min(CONTAINER_SIZE, data.limit() - (long) at), "DEX header");
            in.require(BASE_SIZE);
            int version = version(in);
            int checksum = in.s32();
            in.skip(20);
            long fileSize = in.u32();
            long headerSize = in.u32();
            int endian = in.s32();
            if (endian == REVERSE_ENDIAN_CONSTANT) {
                throw in.error("big-endian DEX (endian_tag 0x78563412) is not supported");
            }
            if (endian != ENDIAN_CONSTANT) {
                throw in.error("endian_tag is 0x" + Integer.toHexString(endian) + ", expected 0x12345678");
            }
            in.skip(8);
            long mapOff = in.u32();
            long[] counts = new long[6];
            long[] offsets = new long[6];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = in.u32();
                offsets[i] = in.u32();
            }
            in.skip(8);
            boolean container = version >= CONTAINER_VERSION && headerSize >= CONTAINER_SIZE;
            long containerSize = 0;
            if (container) {
                containerSize = in.u32();
                long headerOffset = in.u32();
                if (headerOffset != at) {
                    throw in.error("header_offset is " + headerOffset + " but the header is at " + at);
                }
            }
            long limit = data.limit() - (long) at;
            if (headerSize < BASE_SIZE || headerSize > fileSize) {
                throw new DexFormatException("DEX header", at + 36L,
                        "header_size " + headerSize + " outside " + BASE_SIZE + ".." + fileSize);
            }
            if (fileSize > limit) {
                throw new DexFormatException("DEX header", at + 32L,
                        "file_size needs " + fileSize + " bytes, remaining " + limit);
            }
            return new DexHeader(at, version, checksum, (int) fileSize, (int) headerSize, mapOff, counts, offsets,
                    containerSize);
        } catch (FormatException e) {
            throw DexFormatException.of(e);
        }
    }

    private static int version(ByteCursor in) throws FormatException {
        byte[] magic = in.bytes(8);
        if (magic[0] != 'd' || magic[1] != 'e' || magic[2] != 'x' || magic[3] != '\n' || magic[7] != 0
                || !digit(magic[4]) || !digit(magic[5]) || !digit(magic[6])) {
            throw new FormatException("DEX header", in.absolutePosition() - 8, "bad magic, not a DEX file");
        }
        int version = (magic[4] - '0') * 100 + (magic[5] - '0') * 10 + (magic[6] - '0');
        if (version < MIN_VERSION || version > MAX_VERSION) {
            throw new FormatException("DEX header", in.absolutePosition() - 4,
                    "unsupported DEX version " + version + ", expected " + MIN_VERSION + ".." + MAX_VERSION);
        }
        return version;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    boolean isContainer() {
        return containerSize != 0;
    }

    DexSection section(int table, String name, int itemSize, int limit) throws DexFormatException {
        return DexSection.of(name, counts[table], offsets[table], itemSize, limit, offset);
    }
}
