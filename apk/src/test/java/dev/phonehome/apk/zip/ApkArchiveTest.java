package dev.phonehome.apk.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApkArchiveTest {
    @Test
    void listsEntriesInCentralDirectoryOrderWithSizesAndCrcs() throws Exception {
        ApkArchive apk = ApkArchive.of("small.apk", ByteBuffer.wrap(ZipFixtures.smallApk()));

        assertThat(apk.entries()).extracting(ArchiveEntry::name).containsExactly(
                "AndroidManifest.xml", "assets/empty.txt", "classes.dex", "res/layout/main.xml");
        ArchiveEntry dex = apk.find("classes.dex").orElseThrow();
        assertThat(dex.method()).isEqualTo(ArchiveEntry.STORED);
        assertThat(dex.uncompressedSize()).isEqualTo(800);
        assertThat(dex.crc32()).isEqualTo(TestZipWriter.crc(ZipFixtures.repeat("dex\n035\0", 100)));
        assertThat(apk.problems()).isEmpty();
        assertThat(apk.displayName()).isEqualTo("small.apk");
    }

    @Test
    void readsStoredAndDeflatedEntriesByteForByte() throws Exception {
        ApkArchive apk = ApkArchive.of("small.apk", ByteBuffer.wrap(ZipFixtures.smallApk()));

        assertThat(apk.read(apk.find("AndroidManifest.xml").orElseThrow()))
                .isEqualTo(ZipFixtures.repeat("<manifest package=\"dev.example\"/>", 40));
        assertThat(apk.read(apk.find("classes.dex").orElseThrow()))
                .isEqualTo(ZipFixtures.repeat("dex\n035\0", 100));
        assertThat(apk.read(apk.find("assets/empty.txt").orElseThrow())).isEmpty();
        assertThat(apk.find("missing")).isEmpty();
    }

    @Test
    void streamsAnEntryOneByteAtATime() throws Exception {
        ApkArchive apk = ApkArchive.of("small.apk", ByteBuffer.wrap(ZipFixtures.smallApk()));
        byte[] expected = ZipFixtures.repeat("<LinearLayout/>", 20);

        try (InputStream in = apk.open(apk.find("res/layout/main.xml").orElseThrow())) {
            for (byte b : expected) {
                assertThat(in.read()).isEqualTo(b & 0xFF);
            }
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void slicesStoredEntriesWithoutCopyingAndRefusesCompressedOnes() throws Exception {
        byte[] zip = ZipFixtures.smallApk();
        ApkArchive apk = ApkArchive.of("small.apk", ByteBuffer.wrap(zip));
        ArchiveEntry dex = apk.find("classes.dex").orElseThrow();

        ByteBuffer slice = apk.slice(dex);

        assertThat(slice.remaining()).isEqualTo(800);
        assertThat(slice.isReadOnly()).isTrue();
        assertThat(slice.get(0)).isEqualTo((byte) 'd');
        zip[(int) dex.dataOffset()] = 'X';
        assertThat(slice.get(0)).as("a view, not a copy").isEqualTo((byte) 'X');
        assertThatThrownBy(() -> apk.slice(apk.find("AndroidManifest.xml").orElseThrow()))
                .isInstanceOfSatisfying(ZipFormatException.class, e -> assertThat(e.code()).isEqualTo("zip.not-stored"));
    }

    @Test
    void opensAFileByMappingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.apk");
        Files.write(file, ZipFixtures.smallApk());

        try (ApkArchive apk = ApkArchive.open(file)) {
            assertThat(apk.size()).isEqualTo(Files.size(file));
            assertThat(apk.read(apk.find("classes.dex").orElseThrow())).hasSize(800);
        }
    }

    @Test
    void refusesFilesOverTwoGibWithAClearError(@TempDir Path dir) throws Exception {
        Path sparse = dir.resolve("huge.apk");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(Integer.MAX_VALUE + 1L);
        }

        assertThatThrownBy(() -> ApkArchive.open(sparse)).isInstanceOfSatisfying(ZipFormatException.class, e -> {
            assertThat(e.code()).isEqualTo("zip.too-large");
            assertThat(e.getMessage()).contains("2147483648 bytes", "at most 2147483647");
        });
    }

    @Test
    void refusesReadsAfterCloseAndEntriesOfOtherArchives() throws Exception {
        ApkArchive apk = ApkArchive.of("a", ByteBuffer.wrap(ZipFixtures.smallApk()));
        ApkArchive other = ApkArchive.of("b", ByteBuffer.wrap(ZipFixtures.zip(Map.of("x", new byte[3]))));
        ArchiveEntry foreign = other.entries().get(0);

        assertThatThrownBy(() -> apk.read(foreign)).isInstanceOf(IllegalArgumentException.class);
        apk.close();
        assertThatThrownBy(() -> apk.read(apk.entries().get(0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsTenThousandEntries() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            entries.put("assets/f" + i, ("file " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        ApkArchive apk = ApkArchive.of("many.apk", ByteBuffer.wrap(ZipFixtures.zip(entries)));

        assertThat(apk.entries()).hasSize(10_000);
        assertThat(apk.problems()).isEmpty();
        assertThat(new String(apk.read(apk.find("assets/f9999").orElseThrow()),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("file 9999");
    }

    @Test
    void stopsAtTheEntryLimit() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            entries.put("f" + i, new byte[0]);
        }
        ReadLimits ten = new ReadLimits(1 << 20, 1000, 1 << 20, 1 << 30, 10, 2);

        assertThatThrownBy(() -> ApkArchive.of("eleven.zip", ByteBuffer.wrap(ZipFixtures.zip(entries)), ten))
                .isInstanceOfSatisfying(ZipFormatException.class,
                        e -> assertThat(e.code()).isEqualTo("zip.too-many-entries"));
    }
}
