package dev.phonehome.apk.zip;

import java.util.Arrays;

/**
 * One central-directory record, as Android's installer sees it. Sizes, CRC and method come from
 * the central directory; the local header is only used to find where the data starts.
 *
 * @param index              position in the central directory (0-based)
 * @param name               decoded name (UTF-8, or CP437 when the bytes are not UTF-8)
 * @param rawName            the name bytes exactly as stored
 * @param method             compression method as declared (0 stored, 8 deflated, anything else)
 * @param flags              general purpose bit flags
 * @param compressedSize     bytes of data in the archive
 * @param uncompressedSize   bytes after decompression
 * @param crc32              CRC-32 of the uncompressed bytes
 * @param localHeaderOffset  absolute offset of the local file header in the archive bytes
 * @param dataOffset         absolute offset of the entry data, or -1 when the local header is unusable
 */
public record ArchiveEntry(int index, String name, byte[] rawName, int method, int flags, long compressedSize,
                           long uncompressedSize, long crc32, long localHeaderOffset, long dataOffset) {
    public static final int STORED = 0;
    public static final int DEFLATED = 8;

    public ArchiveEntry {
        rawName = rawName.clone();
    }

    @Override
    public byte[] rawName() {
        return rawName.clone();
    }

    /** General purpose bit 3: sizes and CRC follow the data (the central directory has them too). */
    public boolean dataDescriptor() {
        return (flags & 0x08) != 0;
    }

    /** General purpose bit 0. Android ignores it, so it is only a hint (often a trick against tools). */
    public boolean encryptedFlag() {
        return (flags & 0x01) != 0;
    }

    public boolean isDirectory() {
        return name.endsWith("/");
    }

    /** Whether the data is read as-is: method 0, or an unknown method whose sizes are equal (as Android does). */
    public boolean readAsStored() {
        return method == STORED || method != DEFLATED && compressedSize == uncompressedSize;
    }

    /** Bytes the data occupies in the archive: Android copies the uncompressed size for stored entries. */
    long dataLength() {
        return readAsStored() ? uncompressedSize : compressedSize;
    }

    /** How errors about this entry name it. */
    String structure() {
        return "ZIP entry '" + name + "'";
    }

    ArchiveEntry withDataOffset(long offset) {
        return new ArchiveEntry(index, name, rawName, method, flags, compressedSize, uncompressedSize, crc32,
                localHeaderOffset, offset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchiveEntry e && index == e.index && name.equals(e.name)
                && Arrays.equals(rawName, e.rawName) && method == e.method && flags == e.flags
                && compressedSize == e.compressedSize && uncompressedSize == e.uncompressedSize
                && crc32 == e.crc32 && localHeaderOffset == e.localHeaderOffset && dataOffset == e.dataOffset;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * index + name.hashCode()) + Long.hashCode(localHeaderOffset);
    }

    @Override
    public String toString() {
        return "ArchiveEntry[" + index + " " + name + " method=" + method + " " + compressedSize + "->"
                + uncompressedSize + " crc=" + Long.toHexString(crc32) + " at " + localHeaderOffset + "]";
    }
}
