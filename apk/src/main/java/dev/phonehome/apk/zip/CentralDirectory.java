package dev.phonehome.apk.zip;

import dev.phonehome.core.Problem;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/** Reads central-directory records, the one source of truth for names, sizes, methods and CRCs. */
final class CentralDirectory {
    private static final int RECORD_SIZE = 46;
    private static final long ZIP64_MARKER = 0xFFFFFFFFL;
    private static final int ZIP64_EXTRA_ID = 0x0001;

    private CentralDirectory() {
    }

    /**
     * All records that fit in the directory. A record cut short or a foreign signature ends the walk
     * with a {@code zip.truncated-central-directory} problem; the records before it are kept.
     */
    static List<ArchiveEntry> read(ByteCursor file, EndOfCentralDirectory eocd, ReadLimits limits, String subject,
                                   List<Problem> problems) throws ZipFormatException {
        ByteCursor cd;
        try {
            cd = file.sliceAt(eocd.centralDirectory(), eocd.size(), "ZIP central directory");
        } catch (FormatException e) {
            throw ZipFormatException.of("zip.central-directory-out-of-range", e);
        }
        List<ArchiveEntry> entries = new ArrayList<>();
        try {
            while (cd.hasRemaining(1)) {
                if (entries.size() == limits.maxEntries()) {
                    throw new ZipFormatException("zip.too-many-entries", cd.structure(), cd.absolutePosition(),
                            "more than " + limits.maxEntries() + " entries");
                }
                if (!cd.hasRemaining(RECORD_SIZE) || cd.u32() != EndOfCentralDirectory.CD_SIGNATURE) {
                    problems.add(new Problem("zip.truncated-central-directory", subject, "no central-directory record at "
                            + cd.absolutePosition() + " after " + entries.size() + " entries"));
                    break;
                }
                entries.add(record(file, cd, entries.size(), eocd.shift(), subject, problems));
            }
        } catch (ZipFormatException e) {
            throw e;
        } catch (FormatException e) {
            problems.add(new Problem("zip.truncated-central-directory", subject, e.getMessage()));
        }
        if (entries.size() != eocd.declaredEntries()) {
            problems.add(new Problem("zip.entry-count-mismatch", subject, "end of central directory declares "
                    + eocd.declaredEntries() + " entries, central directory holds " + entries.size()));
        }
        return entries;
    }

    private static ArchiveEntry record(ByteCursor file, ByteCursor cd, int index, long shift, String subject,
                                       List<Problem> problems) throws FormatException {
        cd.skip(4);
        int flags = cd.u16();
        int method = cd.u16();
        cd.skip(4);
        long crc = cd.u32();
        long compressed = cd.u32();
        long uncompressed = cd.u32();
        int nameLength = cd.u16();
        int extraLength = cd.u16();
        int commentLength = cd.u16();
        cd.skip(8);
        long localHeader = cd.u32();
        byte[] rawName = cd.bytes(nameLength);
        ByteCursor extra = cd.slice(extraLength, "ZIP central directory extra field");
        cd.skip(commentLength);

        long[] sizes = {uncompressed, compressed, localHeader};
        applyZip64(extra, sizes);
        String name = EntryNames.decode(rawName, flags, problems);
        EntryNames.checkSafe(name, problems);
        checkFlagsAndMethod(name, flags, method, sizes[1], sizes[0], problems);
        ArchiveEntry entry = new ArchiveEntry(index, name, rawName, method, flags, sizes[1], sizes[0], crc,
                sizes[2] + shift, -1);
        return entry.withDataOffset(LocalHeader.dataOffset(file, entry, problems));
    }

    /** Replaces the 32-bit fields set to 0xFFFFFFFF by the ZIP64 extra field's 64-bit values, in spec order. */
    private static void applyZip64(ByteCursor extra, long[] sizes) throws FormatException {
        while (extra.hasRemaining(4)) {
            int id = extra.u16();
            int length = extra.u16();
            if (!extra.hasRemaining(length)) {
                return;
            }
            ByteCursor block = extra.slice(length, "ZIP64 extra field");
            if (id != ZIP64_EXTRA_ID) {
                continue;
            }
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] == ZIP64_MARKER && block.hasRemaining(8)) {
                    sizes[i] = block.s64();
                }
            }
        }
    }

    private static void checkFlagsAndMethod(String name, int flags, int method, long compressed, long uncompressed,
                                            List<Problem> problems) {
        if ((flags & 0x01) != 0) {
            problems.add(new Problem("zip.encrypted-flag", name,
                    "general purpose bit 0 (encrypted) is set; Android ignores it and reads the data as plain"));
        }
        if (method != ArchiveEntry.STORED && method != ArchiveEntry.DEFLATED) {
            String outcome = compressed == uncompressed ? "read as stored, as Android does"
                    : "unreadable: sizes differ (" + compressed + " compressed, " + uncompressed + " uncompressed)";
            problems.add(new Problem("zip.unknown-method", name, "compression method " + method + "; " + outcome));
        } else if (method == ArchiveEntry.STORED && compressed != uncompressed) {
            problems.add(new Problem("zip.stored-size-mismatch", name, "stored entry declares " + compressed
                    + " compressed and " + uncompressed + " uncompressed bytes; the uncompressed size is used"));
        }
        if (compressed < 0 || uncompressed < 0) {
            problems.add(new Problem("zip.negative-size", name,
                    "ZIP64 sizes are negative: " + compressed + " compressed, " + uncompressed + " uncompressed"));
        }
    }
}
