package dev.phonehome.apk.zip;

/**
 * Hard caps that keep reading an attacker-made archive bounded in memory and time.
 *
 * @param maxEntryBytes     most bytes one entry may expand to
 * @param maxRatio          most uncompressed bytes per compressed byte, once past {@code ratioFreeBytes}
 * @param ratioFreeBytes    output size below which the ratio is not checked (small files compress well)
 * @param maxArchiveBytes   most bytes all reads of one archive may deliver together
 * @param maxEntries        most central-directory entries accepted
 * @param maxNestingDepth   most levels of APKs inside bundles inside archives
 */
public record ReadLimits(long maxEntryBytes, long maxRatio, long ratioFreeBytes, long maxArchiveBytes,
                         int maxEntries, int maxNestingDepth) {
    private static final long MIB = 1L << 20;

    /** 512 MiB per entry, 1:1000 beyond 1 MiB, 4 GiB per archive, 200,000 entries, 2 nesting levels. */
    public static final ReadLimits DEFAULTS = new ReadLimits(512 * MIB, 1000, MIB, 4096 * MIB, 200_000, 2);

    public ReadLimits {
        if (maxEntryBytes <= 0 || maxRatio <= 0 || ratioFreeBytes < 0 || maxArchiveBytes <= 0
                || maxEntries <= 0 || maxNestingDepth < 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxEntryBytes + ", " + maxRatio
                    + ", " + ratioFreeBytes + ", " + maxArchiveBytes + ", " + maxEntries + ", " + maxNestingDepth);
        }
    }

    /** The most bytes an entry with {@code compressedSize} compressed bytes may expand to. */
    long maxOutputFor(long compressedSize) {
        long byRatio = compressedSize > Long.MAX_VALUE / maxRatio ? Long.MAX_VALUE : compressedSize * maxRatio;
        return Math.min(maxEntryBytes, Math.max(ratioFreeBytes, byRatio));
    }
}
