package dev.phonehome.apk.dex;

/**
 * A table of fixed-size items named by the header (or the map list), already checked to lie
 * inside the DEX data, so that {@code offset + index * itemSize} is in bounds for every
 * {@code index < count}.
 */
record DexSection(String name, int count, int offset, int itemSize) {
    static final DexSection EMPTY_CALL_SITES = new DexSection("call_site_ids", 0, 0, 4);
    static final DexSection EMPTY_METHOD_HANDLES = new DexSection("method_handles", 0, 0, 8);

    /** Checks {@code count} items of {@code itemSize} bytes at {@code offset} against {@code limit}. */
    static DexSection of(String name, long count, long offset, int itemSize, int limit, long headerOffset)
            throws DexFormatException {
        if (count == 0) {
            return new DexSection(name, 0, 0, itemSize);
        }
        long bytes = count * itemSize;
        if (offset < 0 || offset > limit || bytes > limit - offset) {
            throw new DexFormatException("DEX header", headerOffset, name + " of " + count + " items at " + offset
                    + " needs " + bytes + " bytes, remaining " + Math.max(0, limit - offset));
        }
        return new DexSection(name, (int) count, (int) offset, itemSize);
    }

    /** Byte offset of item {@code index}, which the caller has checked against {@link #count()}. */
    int at(int index) {
        return offset + index * itemSize;
    }

    boolean contains(int index) {
        return index >= 0 && index < count;
    }
}
