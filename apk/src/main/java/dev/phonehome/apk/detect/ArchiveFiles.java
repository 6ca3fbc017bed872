package dev.phonehome.apk.detect;

import dev.phonehome.apk.zip.ApkArchive;
import dev.phonehome.apk.zip.ArchiveEntry;
import dev.phonehome.apk.zip.ZipFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Bounded reads of the archive entries detectors look into: assets, raw resources, native libraries. */
final class ArchiveFiles {
    /** Printable runs kept per file, like {@code strings}; a larger file is sampled from its start. */
    static final int MAX_RUNS = 200_000;
    /** Longest run kept; longer runs are cut (URLs and hosts are far shorter). */
    static final int MAX_RUN_LENGTH = 4096;

    private ArchiveFiles() {
    }

    /** Files of assets and raw resources, sorted by name. */
    static List<ArchiveEntry> assetsAndRaw(ApkArchive archive) {
        return archive.entries().stream().filter(e -> !e.isDirectory())
                .filter(e -> e.name().startsWith("assets/") || e.name().startsWith("res/raw/"))
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** Native libraries ({@code lib/<abi>/*.so}), sorted by name. */
    static List<ArchiveEntry> nativeLibraries(ApkArchive archive) {
        return archive.entries().stream().filter(e -> !e.isDirectory())
                .filter(e -> e.name().startsWith("lib/") && e.name().endsWith(".so"))
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** The entry's bytes when it declares at most {@code maxBytes} and reads cleanly; empty otherwise. */
    static Optional<byte[]> read(ApkArchive archive, ArchiveEntry entry, long maxBytes) {
        if (entry.uncompressedSize() > maxBytes || entry.uncompressedSize() < 0) {
            return Optional.empty();
        }
        try {
            byte[] bytes = archive.read(entry);
            return bytes.length <= maxBytes ? Optional.of(bytes) : Optional.empty();
        } catch (ZipFormatException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Runs of at least {@code minLength} printable ASCII bytes, in file order, as {@code strings} prints them. */
    static List<String> printableRuns(byte[] bytes, int minLength) {
        List<String> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= bytes.length && runs.size() < MAX_RUNS; i++) {
            boolean printable = i < bytes.length && (bytes[i] >= 0x20 && bytes[i] < 0x7f || bytes[i] == '\t');
            if (printable && start < 0) {
                start = i;
            } else if (!printable && start >= 0) {
                if (i - start >= minLength) {
                    runs.add(new String(bytes, start, Math.min(i - start, MAX_RUN_LENGTH), StandardCharsets.US_ASCII));
                }
                start = -1;
            }
        }
        return runs;
    }
}
