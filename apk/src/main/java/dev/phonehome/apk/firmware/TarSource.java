package dev.phonehome.apk.firmware;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** A dump packed as tar or tar.gz, read as a stream with Apache Commons Compress. */
final class TarSource extends ExtractedSource {

    private TarSource(Path archive) throws IOException {
        super("tar " + archive.getFileName());
    }

    static boolean looksLikeTar(Path file) throws IOException {
        try (InputStream in = open(file)) {
            byte[] header = in.readNBytes(512);
            return header.length == 512 && new String(header, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar");
        } catch (IOException e) {
            return false;
        }
    }

    static TarSource extract(Path archive) throws IOException {
        TarSource source = new TarSource(archive);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(open(archive))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (e.isFile() && ApkNames.isScannable(e.getName())) {
                    source.copyMember(location(e.getName()), tar);
                }
            }
        } catch (IOException e) {
            source.problem("firmware.archive-truncated", archive.getFileName().toString(),
                    "tar stopped early: " + e.getMessage());
        }
        return source;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GzipCompressorInputStream(in, true) : in;
    }
}
