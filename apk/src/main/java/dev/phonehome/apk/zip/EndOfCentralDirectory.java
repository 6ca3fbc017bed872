package dev.phonehome.apk.zip;

import dev.phonehome.core.Problem;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.List;

/**
 * Where the central directory is, found from the end of the archive.
 *
 * @param position          absolute offset of the end-of-central-directory record (EOCD)
 * @param centralDirectory  absolute offset of the first central-directory record
 * @param size              central-directory size in bytes
 * @param declaredEntries   entry count the EOCD (or ZIP64 EOCD) declares
 * @param shift             bytes of data prepended before the archive (added to every declared offset)
 */
record EndOfCentralDirectory(long position, long centralDirectory, long size, long declaredEntries, long shift) {
    static final int SIGNATURE = 0x06054b50;
    static final long CD_SIGNATURE = 0x02014b50L;
    private static final long LOCATOR_SIGNATURE = 0x07064b50L;
    private static final long ZIP64_SIGNATURE = 0x06064b50L;
    private static final int EOCD_SIZE = 22;
    private static final int LOCATOR_SIZE = 20;
    private static final int ZIP64_RECORD_SIZE = 56;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final String STRUCTURE = "ZIP end of central directory";

    /**
     * Scans backwards over at most a maximal comment for an EOCD whose central directory checks out,
     * so a fake EOCD hidden in the comment is passed over.
     */
    static EndOfCentralDirectory locate(ByteCursor file, String subject, List<Problem> problems)
            throws ZipFormatException {
        long size = file.limit();
        if (size < EOCD_SIZE) {
            throw new ZipFormatException("zip.no-end-of-central-directory", STRUCTURE, 0,
                    "needs " + EOCD_SIZE + " bytes, remaining " + size);
        }
        long lowest = Math.max(0, size - EOCD_SIZE - MAX_COMMENT);
        String lastRejection = "no EOCD signature in the last " + (size - lowest) + " bytes";
        try {
            for (long pos = size - EOCD_SIZE; pos >= lowest; pos--) {
                if (file.seek(pos).u32() != SIGNATURE) {
                    continue;
                }
                String rejection = rejectionOf(file, pos);
                if (rejection == null) {
                    return resolve(file, pos, subject, problems);
                }
                lastRejection = "EOCD candidate at " + pos + " " + rejection;
            }
        } catch (FormatException e) {
            throw ZipFormatException.of("zip.no-end-of-central-directory", e);
        }
        throw new ZipFormatException("zip.no-end-of-central-directory", STRUCTURE, size, lastRejection);
    }

    /** Why the EOCD at {@code pos} cannot be the real one, or null when it is plausible. */
    private static String rejectionOf(ByteCursor file, long pos) throws FormatException {
        long commentEnd = pos + EOCD_SIZE + file.seek(pos + 20).u16();
        if (commentEnd > file.limit()) {
            return "has a comment running to " + commentEnd + " past the end " + file.limit();
        }
        Fields f = fields(file, pos);
        if (f.size < 0 || f.size > f.end) {
            return "declares a central directory of " + f.size + " bytes before offset " + f.end;
        }
        if (f.size == 0 || isCentralRecord(file, f.end - f.size) || isCentralRecord(file, f.offset)) {
            return null;
        }
        return "points to no central directory (offset " + f.offset + ", size " + f.size + ")";
    }

    private static EndOfCentralDirectory resolve(ByteCursor file, long pos, String subject, List<Problem> problems)
            throws FormatException {
        Fields f = fields(file, pos);
        long trailing = file.limit() - (pos + EOCD_SIZE + file.seek(pos + 20).u16());
        if (trailing > 0) {
            problems.add(new Problem("zip.trailing-data", subject,
                    trailing + " bytes follow the EOCD comment at offset " + pos));
        }
        long expected = f.end - f.size;
        if (f.offset == expected || f.size == 0) {
            return new EndOfCentralDirectory(pos, f.offset, f.size, f.entries, 0);
        }
        if (expected > f.offset && isCentralRecord(file, expected)) {
            // java.util.zip and jarsigner-style stubs: the archive was appended to other data.
            long shift = expected - f.offset;
            problems.add(new Problem("zip.prepended-data", subject, shift
                    + " bytes precede the archive: central directory declared at " + f.offset + ", found at " + expected));
            return new EndOfCentralDirectory(pos, expected, f.size, f.entries, shift);
        }
        problems.add(new Problem("zip.central-directory-misplaced", subject, "central directory at " + f.offset
                + " of " + f.size + " bytes does not end where the EOCD (or ZIP64 EOCD) starts, at " + f.end));
        return new EndOfCentralDirectory(pos, f.offset, f.size, f.entries, 0);
    }

    private static boolean isCentralRecord(ByteCursor file, long pos) throws FormatException {
        return pos >= 0 && pos + 4 <= file.limit() && file.seek(pos).u32() == CD_SIGNATURE;
    }

    /** The raw EOCD fields, replaced by the ZIP64 record's when a ZIP64 locator precedes the EOCD. */
    private static Fields fields(ByteCursor file, long pos) throws FormatException {
        file.seek(pos + 10);
        long entries = file.u16();
        long size = file.u32();
        long offset = file.u32();
        long zip64 = zip64RecordPosition(file, pos);
        if (zip64 < 0) {
            return new Fields(entries, size, offset, pos);
        }
        file.seek(zip64 + 32);
        return new Fields(file.s64(), file.s64(), file.s64(), zip64);
    }

    /** Position of the ZIP64 EOCD record, or -1. Falls back to "just before the locator" for prepended data. */
    private static long zip64RecordPosition(ByteCursor file, long pos) throws FormatException {
        long locator = pos - LOCATOR_SIZE;
        if (locator < 0 || file.seek(locator).u32() != LOCATOR_SIGNATURE) {
            return -1;
        }
        long declared = file.seek(locator + 8).s64();
        for (long candidate : new long[] {declared, locator - ZIP64_RECORD_SIZE}) {
            if (candidate >= 0 && candidate + ZIP64_RECORD_SIZE <= locator
                    && file.seek(candidate).u32() == ZIP64_SIGNATURE) {
                return candidate;
            }
        }
        return -1;
    }

    private record Fields(long entries, long size, long offset, long end) {
    }
}
