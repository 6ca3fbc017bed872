package dev.phonehome.apk.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.core.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** One forged archive per trick malware plays on apktool, androguard and java.util.zip. */
class MalformedArchiveTest {
    private static final byte[] HELLO = "hello, central directory".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TEXT = "some text that deflates, some text that deflates".getBytes(StandardCharsets.UTF_8);

    private static ApkArchive open(byte[] zip) throws ZipFormatException {
        return ApkArchive.of("forged.apk", ByteBuffer.wrap(zip));
    }

    private static ApkArchive open(TestZipWriter zip) throws ZipFormatException {
        return open(zip.build());
    }

    private static ZipFormatException readFailure(ApkArchive apk, String name) {
        try {
            apk.read(apk.find(name).orElseThrow());
        } catch (ZipFormatException e) {
            return e;
        }
        throw new AssertionError("read of " + name + " succeeded");
    }

    @Test
    void bogusLocalHeaderIsIgnoredInFavourOfTheCentralDirectory() throws Exception {
        TestZipWriter.Entry e = TestZipWriter.deflated("AndroidManifest.xml", TEXT);
        e.localName = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx".getBytes(StandardCharsets.UTF_8);
        e.localMethod = 0;
        e.localCompressedSize = 1;
        e.localUncompressedSize = 0xFFFF_FFF0L;

        ApkArchive apk = open(new TestZipWriter().add(e).add(TestZipWriter.stored("b", HELLO)));

        assertThat(apk.read(apk.find("AndroidManifest.xml").orElseThrow())).isEqualTo(TEXT);
        assertThat(apk.read(apk.find("b").orElseThrow())).isEqualTo(HELLO);
        assertThat(apk.problems()).extracting(Problem::code).containsExactly("zip.local-header-mismatch");
        assertThat(apk.problems().get(0).message()).contains("name", "method LFH 0, CD 8", "sizes");
    }

    @Test
    void unknownMethodWithEqualSizesIsReadAsStoredLikeAndroid() throws Exception {
        ApkArchive apk = open(new TestZipWriter().add(TestZipWriter.stored("classes.dex", HELLO).method(27639)));
        ArchiveEntry dex = apk.find("classes.dex").orElseThrow();

        assertThat(dex.readAsStored()).isTrue();
        assertThat(apk.read(dex)).isEqualTo(HELLO);
        assertThat(apk.slice(dex).remaining()).isEqualTo(HELLO.length);
        assertThat(apk.problems()).extracting(Problem::code).containsExactly("zip.unknown-method");
    }

    @Test
    void unknownMethodWithDifferingSizesIsUnreadable() throws Exception {
        TestZipWriter.Entry e = TestZipWriter.deflated("x", TEXT).method(99);

        ApkArchive apk = open(new TestZipWriter().add(e));

        assertThat(readFailure(apk, "x").code()).isEqualTo("zip.unsupported-method");
        assertThat(apk.problems().get(0).message()).contains("unreadable");
    }

    @Test
    void duplicateNamesAreAllKeptAndTheFirstIsFound() throws Exception {
        ApkArchive apk = open(new TestZipWriter()
                .add(TestZipWriter.stored("classes.dex", HELLO))
                .add(TestZipWriter.stored("classes.dex", TEXT)));

        assertThat(apk.entries()).hasSize(2);
        assertThat(apk.read(apk.find("classes.dex").orElseThrow())).isEqualTo(HELLO);
        assertThat(apk.read(apk.entries().get(1))).isEqualTo(TEXT);
        assertThat(apk.problems()).extracting(Problem::code).containsExactly("zip.duplicate-name");
    }

    @Test
    void dataDescriptorEntriesUseTheCentralDirectorySizes() throws Exception {
        TestZipWriter.Entry e = TestZipWriter.deflated("streamed.xml", TEXT).flags(8);
        e.localCompressedSize = 0;
        e.localUncompressedSize = 0;

        ApkArchive apk = open(new TestZipWriter().add(e).add(TestZipWriter.stored("after", HELLO)));

        assertThat(apk.find("streamed.xml").orElseThrow().dataDescriptor()).isTrue();
        assertThat(apk.read(apk.find("streamed.xml").orElseThrow())).isEqualTo(TEXT);
        assertThat(apk.read(apk.find("after").orElseThrow())).isEqualTo(HELLO);
        assertThat(apk.problems()).isEmpty();
    }

    @Test
    void hugeLocalExtraFieldIsSkippedAndNoted() throws Exception {
        TestZipWriter.Entry e = TestZipWriter.stored("classes.dex", HELLO);
        e.localExtra = new byte[60_000];

        ApkArchive apk = open(new TestZipWriter().add(e));

        assertThat(apk.read(apk.find("classes.dex").orElseThrow())).isEqualTo(HELLO);
        assertThat(apk.problems()).extracting(Problem::code).containsExactly("zip.large-extra-field");
    }

    @Test
    void cp437NameIsDecodedAndItsBytesKept() throws Exception {
        byte[] raw = {'r', (byte) 0x82, 's', 'u', 'm', (byte) 0x82};

        ApkArchive apk = open(new TestZipWriter().add(TestZipWriter.stored(raw, HELLO)));

        ArchiveEntry e = apk.entries().get(0);
        assertThat(e.name()).isEqualTo("résumé");
        assertThat(e.rawName()).isEqualTo(raw);
        assertThat(apk.problems()).extracting(Problem::code).containsExactly("zip.name-not-utf8");
    }

    @Test
    void utf8NameWithoutTheFlagIsUtf8() throws Exception {
        ApkArchive apk = open(new TestZipWriter().add(TestZipWriter.stored("assets/日本.txt", HELLO)));

        assertThat(apk.entries().get(0).name()).isEqualTo("assets/日本.txt");
        assertThat(apk.problems()).isEmpty();
    }

    @Test
    void zip64RecordsAndExtraFieldsAreHonoured() throws Exception {
        TestZipWriter.Entry big = TestZipWriter.deflated("big.bin", TEXT);
        big.zip64 = true;

        ApkArchive apk = open(new TestZipWriter().add(TestZipWriter.stored("a", HELLO)).add(big).zip64());

        assertThat(apk.entries()).extracting(ArchiveEntry::name).containsExactly("a", "big.bin");
        ArchiveEntry e = apk.find("big.bin").orElseThrow();
        assertThat(e.uncompressedSize()).isEqualTo(TEXT.length);
        assertThat(apk.read(e)).isEqualTo(TEXT);
        assertThat(apk.problems()).isEmpty();
    }

    @Test
    void prependedBytesShiftEveryOffset() throws Exception {
        byte[] stub = new byte[1000];
        Arrays.fill(stub, (byte) 'P');

        ApkArchive apk = open(new TestZipWriter().prefix(stub)
                .add(TestZipWriter.stored("a", HELLO)).add(TestZipWriter.deflated("b", TEXT)));

        assertThat(apk.entries().get(0).localHeaderOffset()).isEqualTo(1000);
        assertThat(apk.read(apk.find("a").orElseThrow())).isEqualTo(HELLO);
        assertThat(apk.read(apk.find("b").orElseThrow())).isEqualTo(TEXT);
        assertThat(apk.problems()).extracting(Problem::code).containsExactly("zip.prepended-data");
    }

    @Test
    void fakeEndOfCentralDirectoryInTheCommentIsPassedOver() throws Exception {
        byte[] fake = TestZipWriter.eocd(7, 46, 3, 0);

        ApkArchive apk = open(new TestZipWriter().add(TestZipWriter.stored("a", HELLO)).comment(fake));

        assertThat(apk.entries()).extracting(ArchiveEntry::name).containsExactly("a");
        assertThat(apk.read(apk.entries().get(0))).isEqualTo(HELLO);
    }

    @Test
    void garbageBetweenCentralDirectoryAndEocdIsNotedAndSkipped() throws Exception {
        byte[] zip = new TestZipWriter().add(TestZipWriter.stored("a", HELLO)).build();
        int eocd = zip.length - 22;
        byte[] spliced = new byte[zip.length + 10];
        System.arraycopy(zip, 0, spliced, 0, eocd);
        System.arraycopy(zip, eocd, spliced, eocd + 10, 22);

        ApkArchive apk = open(spliced);

        assertThat(apk.read(apk.find("a").orElseThrow())).isEqualTo(HELLO);
        assertThat(apk.problems()).extracting(Problem::code).containsExactly("zip.central-directory-misplaced");
    }

    @Test
    void bytesAfterTheEocdCommentAreNoted() throws Exception {
        byte[] zip = new TestZipWriter().add(TestZipWriter.stored("a", HELLO)).build();

        ApkArchive apk = open(Arrays.copyOf(zip, zip.length + 7));

        assertThat(apk.read(apk.find("a").orElseThrow())).isEqualTo(HELLO);
        assertThat(apk.problems()).extracting(Problem::code).containsExactly("zip.trailing-data");
    }

    @Test
    void truncatedCentralDirectoryKeepsTheRecordsBeforeTheCut() throws Exception {
        TestZipWriter zip = new TestZipWriter()
                .add(TestZipWriter.stored("first", HELLO)).add(TestZipWriter.stored("second", TEXT));
        int firstRecord = 46 + "first".length();
        byte[] bytes = zip.declaredCdSize(firstRecord + 20).build();

        ApkArchive apk = open(bytes);

        assertThat(apk.entries()).extracting(ArchiveEntry::name).containsExactly("first");
        assertThat(apk.problems()).extracting(Problem::code)
                .contains("zip.truncated-central-directory", "zip.entry-count-mismatch");
    }

    @Test
    void centralDirectoryOffsetOutOfRangeIsRefused() {
        byte[] bytes = new TestZipWriter().add(TestZipWriter.stored("a", HELLO)).declaredCdOffset(0x7FFF_0000L)
                .declaredCdSize(0x7FFF_0000L).build();

        assertThatThrownBy(() -> open(bytes)).isInstanceOfSatisfying(ZipFormatException.class, e -> {
            assertThat(e.code()).isEqualTo("zip.no-end-of-central-directory");
            assertThat(e.getMessage()).contains("central directory of 2147418112 bytes");
        });
    }

    @Test
    void lyingEntryCountIsNotedAndEveryRecordRead() throws Exception {
        ApkArchive apk = open(new TestZipWriter().add(TestZipWriter.stored("a", HELLO))
                .add(TestZipWriter.stored("b", HELLO)).declaredCount(1));

        assertThat(apk.entries()).hasSize(2);
        assertThat(apk.problems()).extracting(Problem::code).containsExactly("zip.entry-count-mismatch");
    }

    @Test
    void entriesSharingTheirBytesAreFlagged() throws Exception {
        TestZipWriter.Entry a = TestZipWriter.stored("a", HELLO);
        TestZipWriter.Entry b = TestZipWriter.stored("b", HELLO);
        b.sameLocalHeaderAs = a;

        ApkArchive apk = open(new TestZipWriter().add(a).add(b));

        assertThat(apk.problems()).extracting(Problem::code).contains("zip.overlapping-entries");
        assertThat(apk.problems()).filteredOn(p -> p.code().equals("zip.overlapping-entries"))
                .extracting(Problem::subject).containsExactly("b");
    }

    @Test
    void encryptedFlagOnPlainDataIsIgnoredAndNoted() throws Exception {
        ApkArchive apk = open(new TestZipWriter().add(TestZipWriter.deflated("AndroidManifest.xml", TEXT).flags(1)));

        assertThat(apk.read(apk.entries().get(0))).isEqualTo(TEXT);
        assertThat(apk.entries().get(0).encryptedFlag()).isTrue();
        assertThat(apk.problems()).extracting(Problem::code).containsExactly("zip.encrypted-flag");
    }

    @Test
    void crcMismatchFailsThatEntryOnly() throws Exception {
        TestZipWriter.Entry bad = TestZipWriter.deflated("bad", TEXT);
        bad.crc ^= 1;

        ApkArchive apk = open(new TestZipWriter().add(bad).add(TestZipWriter.stored("good", HELLO)));

        ZipFormatException e = readFailure(apk, "bad");
        assertThat(e.code()).isEqualTo("zip.crc-mismatch");
        assertThat(e.getMessage()).contains("ZIP entry 'bad'");
        assertThat(apk.read(apk.find("good").orElseThrow())).isEqualTo(HELLO);
    }

    @Test
    void traversalAndOddNamesAreFlaggedButHarmlessOnesAreNot() throws Exception {
        TestZipWriter zip = new TestZipWriter();
        for (String name : new String[] {"../../etc/passwd", "/abs", "a\\b", "nul\0x", "C:/x", "a/..b", "ok/x..y"}) {
            zip.add(TestZipWriter.stored(name, HELLO));
        }

        ApkArchive apk = open(zip);

        assertThat(apk.problems()).filteredOn(p -> p.code().equals("zip.suspicious-name"))
                .extracting(Problem::subject)
                .containsExactlyInAnyOrder("../../etc/passwd", "/abs", "a\\b", "nul\0x", "C:/x");
    }

    @Test
    void localHeaderWithoutSignatureMakesOnlyThatEntryUnreadable() throws Exception {
        TestZipWriter zip = new TestZipWriter().add(TestZipWriter.stored("a", HELLO)).add(TestZipWriter.stored("b", TEXT));
        byte[] bytes = zip.build();
        bytes[0] = 'Q';

        ApkArchive apk = open(bytes);

        assertThat(apk.problems()).extracting(Problem::code).containsExactly("zip.bad-local-header");
        assertThat(readFailure(apk, "a").code()).isEqualTo("zip.bad-local-header");
        assertThat(apk.read(apk.find("b").orElseThrow())).isEqualTo(TEXT);
    }

    @Test
    void deflatedDataLongerThanDeclaredFails() throws Exception {
        TestZipWriter.Entry e = TestZipWriter.deflated("x", TEXT);
        e.uncompressedSize = 10;

        assertThat(readFailure(open(new TestZipWriter().add(e)), "x").code()).isEqualTo("zip.size-mismatch");
    }

    @Test
    void deflatedDataShorterThanDeclaredFails() throws Exception {
        TestZipWriter.Entry e = TestZipWriter.deflated("x", TEXT);
        e.uncompressedSize = TEXT.length + 5;

        assertThat(readFailure(open(new TestZipWriter().add(e)), "x").code()).isEqualTo("zip.size-mismatch");
    }

    @Test
    void truncatedDeflateStreamFails() throws Exception {
        TestZipWriter.Entry e = TestZipWriter.deflated("x", TEXT);
        e.payload = Arrays.copyOf(e.payload, e.payload.length / 2);
        e.compressedSize = e.localCompressedSize = e.payload.length;

        assertThat(readFailure(open(new TestZipWriter().add(e)), "x").code())
                .isIn("zip.truncated-entry", "zip.bad-deflate");
    }

    @Test
    void garbageDeflateStreamFails() throws Exception {
        TestZipWriter.Entry e = TestZipWriter.deflated("x", TEXT);
        Arrays.fill(e.payload, (byte) 0xFF);

        assertThat(readFailure(open(new TestZipWriter().add(e)), "x").code()).isEqualTo("zip.bad-deflate");
    }

    @Test
    void storedEntryRunningPastTheEndFails() throws Exception {
        TestZipWriter.Entry e = TestZipWriter.stored("x", HELLO);
        e.compressedSize = e.uncompressedSize = 1 << 20;

        ApkArchive apk = open(new TestZipWriter().add(e));

        assertThat(readFailure(apk, "x").code()).isEqualTo("zip.truncated-entry");
        assertThat(apk.problems()).extracting(Problem::code).contains("zip.overlapping-entries");
    }

    @Test
    void tooShortOrForeignInputHasNoEndOfCentralDirectory() {
        for (byte[] bytes : new byte[][] {new byte[0], new byte[21], "not a zip at all, just words".repeat(10)
                .getBytes(StandardCharsets.UTF_8)}) {
            assertThatThrownBy(() -> open(bytes)).isInstanceOfSatisfying(ZipFormatException.class,
                    e -> assertThat(e.code()).isEqualTo("zip.no-end-of-central-directory"));
        }
    }

    @Test
    void emptyArchiveHasNoEntriesAndNoProblems() throws Exception {
        ApkArchive apk = open(new TestZipWriter());

        assertThat(apk.entries()).isEmpty();
        assertThat(apk.problems()).isEmpty();
    }
}
