package dev.phonehome.apk.zip;

import dev.phonehome.core.Problem;
import java.util.Comparator;
import java.util.List;

/**
 * Flags entries whose bytes are shared with another entry or with the central directory, the
 * construction behind "overlapping" zip bombs and behind headers hidden inside another entry's data.
 */
final class Overlaps {
    private Overlaps() {
    }

    static void check(List<ArchiveEntry> entries, long centralDirectory, List<Problem> problems) {
        List<ArchiveEntry> byOffset = entries.stream()
                .filter(e -> e.dataOffset() >= 0)
                .sorted(Comparator.comparingLong(ArchiveEntry::localHeaderOffset).thenComparingInt(ArchiveEntry::index))
                .toList();
        ArchiveEntry furthest = null;
        long furthestEnd = -1;
        for (ArchiveEntry e : byOffset) {
            if (furthest != null && e.localHeaderOffset() < furthestEnd) {
                problems.add(new Problem("zip.overlapping-entries", e.name(), "local header at "
                        + e.localHeaderOffset() + " lies inside the bytes of '" + furthest.name()
                        + "', which end at " + furthestEnd));
            }
            long end = e.dataOffset() + Math.max(0, e.dataLength());
            if (end > centralDirectory) {
                problems.add(new Problem("zip.overlapping-entries", e.name(), "data ends at " + end
                        + ", past the central directory start at " + centralDirectory));
            }
            if (end > furthestEnd) {
                furthest = e;
                furthestEnd = end;
            }
        }
    }
}
