package dev.phonehome.testkit.geo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Builds npm-style package tarballs ({@code .tgz}, members under {@code package/}) for tests,
 * including hostile ones: any member name, links, duplicates.
 */
public final class NpmTarball {
    private record Member(String name, byte[] content, String linkTarget) {
    }

    private final List<Member> members = new ArrayList<>();

    /** A tarball whose package.json names {@code name@version}. */
    public static NpmTarball of(String name, String version) {
        return new NpmTarball().file("package/package.json",
                ("{\"name\":\"" + name + "\",\"version\":\"" + version + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** A regular file member with exactly this name (no {@code package/} added). */
    public NpmTarball file(String memberName, byte[] content) {
        members.add(new Member(memberName, content, null));
        return this;
    }

    /** A symbolic link member. */
    public NpmTarball symlink(String memberName, String target) {
        members.add(new Member(memberName, new byte[0], target));
        return this;
    }

    public Path write(Path file) {
        try (OutputStream out = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Member m : members) {
                TarArchiveEntry entry = m.linkTarget() == null ? new TarArchiveEntry(m.name(), true)
                        : new TarArchiveEntry(m.name(), TarArchiveEntry.LF_SYMLINK, true);
                if (m.linkTarget() != null) {
                    entry.setLinkName(m.linkTarget());
                } else {
                    entry.setSize(m.content().length);
                }
                tar.putArchiveEntry(entry);
                tar.write(m.content());
                tar.closeArchiveEntry();
            }
            tar.finish();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
