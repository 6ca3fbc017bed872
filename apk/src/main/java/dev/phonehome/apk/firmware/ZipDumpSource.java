package dev.phonehome.apk.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A dump packed as a zip. Only members named like APKs are copied out; each copy is capped
 * in size, so a member that inflates without end is reported rather than filling the disk.
 */
final class ZipDumpSource extends ExtractedSource {

    private ZipDumpSource(Path archive) throws IOException {
        super("zip " + archive.getFileName());
    }

    static ZipDumpSource extract(Path archive) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(archive.toFile());
        } catch (ZipException e) {
            throw new IOException(archive + ": not a folder, APK, tar or zip dump (" + e.getMessage() + ")", e);
        }
        ZipDumpSource source = new ZipDumpSource(archive);
        try (zip) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!e.isDirectory() && ApkNames.isScannable(e.getName())) {
                    copy(source, zip, e);
                }
            }
        }
        return source;
    }

    private static void copy(ZipDumpSource source, ZipFile zip, ZipEntry e) {
        try (InputStream in = zip.getInputStream(e)) {
            source.copyMember(location(e.getName()), in);
        } catch (IOException ex) {
            source.problem("firmware.member-unreadable", location(e.getName()), String.valueOf(ex.getMessage()));
        }
    }
}
