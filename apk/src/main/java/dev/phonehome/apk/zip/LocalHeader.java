package dev.phonehome.apk.zip;

import dev.phonehome.core.Problem;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a local file header only to learn where the data starts. Its other fields are often forged
 * to break tools that trust them; differences from the central directory are recorded, never used.
 */
final class LocalHeader {
    private static final long SIGNATURE = 0x04034b50L;
    private static final int SIZE = 30;
    /** Alignment padding (zipalign -p pages, 4 KiB) stays below this; larger extras are worth a note. */
    private static final int LARGE_EXTRA = 8192;

    private LocalHeader() {
    }

    /** Absolute offset of the entry's data, or -1 (with a {@code zip.bad-local-header} problem). */
    static long dataOffset(ByteCursor file, ArchiveEntry entry, List<Problem> problems) {
        String name = entry.name();
        long at = entry.localHeaderOffset();
        try {
            ByteCursor header = file.sliceAt(at, SIZE, "ZIP local file header");
            if (header.u32() != SIGNATURE) {
                problems.add(new Problem("zip.bad-local-header", name, "no local file header signature at " + at));
                return -1;
            }
            header.skip(2);
            int flags = header.u16();
            int method = header.u16();
            header.skip(8);
            long compressed = header.u32();
            long uncompressed = header.u32();
            int nameLength = header.u16();
            int extraLength = header.u16();
            byte[] localName = file.sliceAt(at + SIZE, nameLength, "ZIP local file name").bytes(nameLength);
            StringBuilder diffs = new StringBuilder();
            if (!Arrays.equals(localName, entry.rawName())) {
                diffs.append(" name of ").append(nameLength).append(" bytes differs;");
            }
            if (method != entry.method()) {
                diffs.append(" method LFH ").append(method).append(", CD ").append(entry.method()).append(';');
            }
            if ((flags & 0x08) == 0 && compressed != 0xFFFFFFFFL
                    && (compressed != entry.compressedSize() || uncompressed != entry.uncompressedSize())) {
                diffs.append(" sizes LFH ").append(compressed).append('/').append(uncompressed)
                        .append(", CD ").append(entry.compressedSize()).append('/').append(entry.uncompressedSize())
                        .append(';');
            }
            if (diffs.length() > 0) {
                problems.add(new Problem("zip.local-header-mismatch", name,
                        "local header at " + at + " disagrees with the central directory:" + diffs));
            }
            if (extraLength > LARGE_EXTRA) {
                problems.add(new Problem("zip.large-extra-field", name,
                        "local header at " + at + " has an extra field of " + extraLength + " bytes"));
            }
            return at + SIZE + nameLength + extraLength;
        } catch (FormatException e) {
            problems.add(new Problem("zip.bad-local-header", name, e.getMessage()));
            return -1;
        }
    }
}
