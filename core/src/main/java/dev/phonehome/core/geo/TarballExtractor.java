package dev.phonehome.core.geo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Takes named files out of an npm tarball ({@code .tgz}, members under {@code package/}). Only
 * regular files whose member name is exactly {@code package/<wanted name>} are written, under
 * the wanted name, so member names never become paths (no traversal, no links). Each file and
 * the whole stream are bounded.
 */
public final class TarballExtractor {
    private final long maxFileBytes;
    private final long maxTotalBytes;

    /**
     * @param maxFileBytes  largest file taken
     * @param maxTotalBytes most uncompressed bytes read from the stream, skipped members included
     */
    public TarballExtractor(long maxFileBytes, long maxTotalBytes) {
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /**
     * Extracts {@code wanted} file names from {@code tarball} into {@code dir}.
     *
     * @return the written files by name
     * @throws GeodataUpdateException when the tarball is damaged, over a limit, holds a wanted
     *                                name twice or lacks one
     */
    public Map<String, Path> extract(Path tarball, Set<String> wanted, Path dir) throws GeodataUpdateException {
        Map<String, Path> written = new HashMap<>();
        long total = 0;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(tarball));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                total += Math.max(0, entry.getSize());
                if (total > maxTotalBytes) {
                    throw new GeodataUpdateException(tarball + ": more than " + maxTotalBytes + " bytes unpacked");
                }
                String name = entry.getName().startsWith("package/") ? entry.getName().substring("package/".length()) : "";
                if (!wanted.contains(name)) {
                    continue;
                }
                if (!isPlainFile(entry)) {
                    throw new GeodataUpdateException(tarball + ": " + entry.getName() + " is not a regular file");
                }
                if (written.containsKey(name)) {
                    throw new GeodataUpdateException(tarball + ": " + entry.getName() + " appears twice");
                }
                if (entry.getSize() > maxFileBytes) {
                    throw new GeodataUpdateException(tarball + ": " + entry.getName() + " has " + entry.getSize()
                            + " bytes, more than the limit of " + maxFileBytes);
                }
                Path target = dir.resolve(name);
                try (OutputStream out = Files.newOutputStream(target)) {
                    long copied = tar.transferTo(out);
                    if (copied != entry.getSize()) {
                        throw new GeodataUpdateException(tarball + ": " + entry.getName() + " is truncated: "
                                + copied + " of " + entry.getSize() + " bytes");
                    }
                }
                written.put(name, target);
            }
        } catch (IOException | RuntimeException e) {
            throw new GeodataUpdateException(tarball + ": not a readable npm tarball: " + e.getMessage(), e);
        }
        for (String name : wanted) {
            if (!written.containsKey(name)) {
                throw new GeodataUpdateException(tarball + ": package/" + name + " is missing");
            }
        }
        return written;
    }

    /** {@code isFile()} alone also accepts links and devices in some tar dialects. */
    private static boolean isPlainFile(TarArchiveEntry entry) {
        return entry.isFile() && !entry.isSymbolicLink() && !entry.isLink() && !entry.isDirectory()
                && !entry.isCharacterDevice() && !entry.isBlockDevice() && !entry.isFIFO();
    }
}
