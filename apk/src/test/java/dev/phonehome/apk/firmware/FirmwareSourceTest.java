package dev.phonehome.apk.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareSourceTest {
    @TempDir
    Path dir;

    private static final byte[] APK_A = "not parsed while listing: A".getBytes(StandardCharsets.UTF_8);
    private static final byte[] APK_B = "not parsed while listing: B".getBytes(StandardCharsets.UTF_8);

    @Test
    void walksDumpedTreeSortedWithIdsigAndIgnoresSymlinkLoops() throws Exception {
        Path root = dir.resolve("dump");
        write(root.resolve("system/priv-app/Settings/Settings.apk"), APK_A);
        write(root.resolve("system/priv-app/Settings/Settings.apk.idsig"), APK_B);
        write(root.resolve("vendor/app/Ims/Ims.apk"), APK_B);
        write(root.resolve("system/etc/permissions/x.xml"), APK_B);
        Files.createSymbolicLink(root.resolve("system/loop"), root);

        try (FirmwareSource source = FirmwareSource.open(root)) {
            List<ApkInput> apks = source.apks();
            assertThat(apks).extracting(ApkInput::location)
                    .containsExactly("system/priv-app/Settings/Settings.apk", "vendor/app/Ims/Ims.apk");
            assertThat(apks.get(0).signature()).isPresent();
            assertThat(apks.get(0).privilegedFolder()).isTrue();
            assertThat(apks.get(1).partition()).isEqualTo(Partition.VENDOR);
        }
    }

    @Test
    void tarGzDumpIsCopiedUnderGeneratedNamesEvenWithTraversalMemberNames() throws Exception {
        Path tar = dir.resolve("dump.tar.gz");
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(tar)))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            addTar(out, "./system/app/Browser/Browser.apk", APK_A);
            addTar(out, "../../../../tmp/evil.apk", APK_B);
            addTar(out, "system/build.prop", APK_B);
        }
        Path tempCopy;
        try (FirmwareSource source = FirmwareSource.open(tar)) {
            List<ApkInput> apks = source.apks();
            assertThat(apks).extracting(ApkInput::location)
                    .containsExactly("../../../../tmp/evil.apk", "system/app/Browser/Browser.apk");
            for (ApkInput apk : apks) {
                assertThat(apk.file().getFileName().toString()).matches("\\d{6}\\.apk");
            }
            assertThat(Files.readAllBytes(apks.get(1).file())).isEqualTo(APK_A);
            tempCopy = apks.get(0).file();
        }
        assertThat(tempCopy).doesNotExist();
    }

    @Test
    void zipDumpListsApksAndReportsCorruptMembersWithoutStopping() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("system/app/A/A.apk"));
            zip.write(APK_A);
            zip.putNextEntry(new ZipEntry("system/app/B/B.apk"));
            zip.write(new byte[100_000]);
            zip.putNextEntry(new ZipEntry("system/app/C/C.apk"));
            zip.write(APK_B);
        }
        byte[] data = bytes.toByteArray();
        // Corrupt B's deflate stream in place: its data starts after its local header.
        int b = indexOf(data, "system/app/B/B.apk".getBytes(StandardCharsets.UTF_8)) + 18;
        for (int i = 0; i < 40; i++) {
            data[b + i] = (byte) 0xff;
        }
        Path zip = dir.resolve("dump.zip");
        Files.write(zip, data);
        try (FirmwareSource source = FirmwareSource.open(zip)) {
            assertThat(source.apks()).extracting(ApkInput::location)
                    .containsExactly("system/app/A/A.apk", "system/app/C/C.apk");
            assertThat(source.problems()).singleElement()
                    .satisfies(p -> assertThat(p.subject()).isEqualTo("system/app/B/B.apk"));
        }
    }

    @Test
    void rejectsWhatIsNeitherFolderNorArchive() throws Exception {
        Path junk = dir.resolve("notes.txt");
        Files.writeString(junk, "hello");
        assertThatThrownBy(() -> FirmwareSource.open(junk)).hasMessageContaining("notes.txt");
        assertThatThrownBy(() -> FirmwareSource.open(dir.resolve("missing"))).hasMessageContaining("no such file");
    }

    private static void write(Path p, byte[] data) throws IOException {
        Files.createDirectories(p.getParent());
        Files.write(p, data);
    }

    private static void addTar(TarArchiveOutputStream out, String name, byte[] data) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(data.length);
        out.putArchiveEntry(e);
        out.write(data);
        out.closeArchiveEntry();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

}
