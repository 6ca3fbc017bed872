package dev.phonehome.apk.firmware;

import dev.phonehome.core.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A firmware dump to scan: a folder, a zip or tar of one, or a single APK. Listing never
 * parses the APKs; it only finds them, so a broken APK cannot stop the listing.
 */
public interface FirmwareSource extends AutoCloseable {

    /** The APK files, sorted by location. */
    List<ApkInput> apks();

    /** Problems met while listing (unreadable folders, broken archive members...). */
    List<Problem> problems();

    /** A short description of the source for reports, e.g. {@code "directory firmware/"}. */
    String describe();

    @Override
    void close() throws IOException;

    /** Picks the source type from what {@code path} is: a folder, a tar, a zip of a dump, or an APK. */
    static FirmwareSource open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return DirectorySource.walk(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + ": no such file or folder");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (ApkNames.isApk(name) || ApkNames.isBundle(name)) {
            return SingleFileSource.of(path);
        }
        if (TarSource.looksLikeTar(path)) {
            return TarSource.extract(path);
        }
        return ZipDumpSource.extract(path);
    }
}
