package dev.phonehome.apk.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Archives that expand far beyond their size: every read must stop at a limit, quickly and in little memory. */
class ZipBombTest {
    private static final long GIB = 1L << 30;
    private static final int MIB = 1 << 20;
    private static byte[] gibOfZerosDeflated;
    private static long gibOfZerosCrc;

    /**
     * Repeats one sync-flushed deflate block run of 1 MiB zeros 1024 times, then ends the stream:
     * valid, because each run only refers back to zeros, and built in milliseconds.
     */
    @BeforeAll
    static void deflateOneGibOfZeros() {
        byte[] zeros = new byte[MIB];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(zeros);
        byte[] buf = new byte[64 * 1024];
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        for (int n; (n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH)) > 0; ) {
            run.write(buf, 0, n);
        }
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CRC32 crc = new CRC32();
        for (int i = 0; i < GIB / MIB; i++) {
            out.writeBytes(run.toByteArray());
            crc.update(zeros);
        }
        out.write(0x03);
        out.write(0x00);
        gibOfZerosDeflated = out.toByteArray();
        gibOfZerosCrc = crc.getValue();
    }

    private static TestZipWriter.Entry bomb(String name, long declaredSize) {
        TestZipWriter.Entry e = TestZipWriter.stored(name, gibOfZerosDeflated).method(ArchiveEntry.DEFLATED);
        e.crc = gibOfZerosCrc;
        e.uncompressedSize = e.localUncompressedSize = declaredSize;
        return e;
    }

    private static String readFailureCode(ApkArchive apk, ArchiveEntry entry) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                apk.read(entry);
            } catch (ZipFormatException e) {
                return e.code();
            }
            throw new AssertionError("bomb was read");
        });
    }

    @Test
    void honestBombFailsBeforeInflatingOnTheEntrySizeLimit() throws Exception {
        ApkArchive apk = ApkArchive.of("bomb.apk", ByteBuffer.wrap(new TestZipWriter().add(bomb("zeros", GIB)).build()));

        assertThat(gibOfZerosDeflated.length).isLessThan(8 * MIB);
        assertThat(readFailureCode(apk, apk.entries().get(0))).isEqualTo("zip.entry-too-large");
    }

    @Test
    void honestBombWithinTheSizeLimitFailsOnItsRatio() throws Exception {
        ReadLimits strictRatio = new ReadLimits(2 * GIB, 100, MIB, 4 * GIB, 1000, 2);
        ApkArchive apk = ApkArchive.of("bomb.apk",
                ByteBuffer.wrap(new TestZipWriter().add(bomb("zeros", GIB)).build()), strictRatio);

        assertThat(readFailureCode(apk, apk.entries().get(0))).isEqualTo("zip.ratio-exceeded");
    }

    @Test
    void bombDeclaringASmallSizeStopsRightAfterIt() throws Exception {
        ApkArchive apk = ApkArchive.of("bomb.apk", ByteBuffer.wrap(new TestZipWriter().add(bomb("zeros", 1000)).build()));

        assertThat(readFailureCode(apk, apk.entries().get(0))).isEqualTo("zip.size-mismatch");
    }

    @Test
    void entriesSharingOneBombDrawOnOneArchiveBudget() throws Exception {
        byte[] mib = new byte[MIB];
        TestZipWriter.Entry first = TestZipWriter.deflated("z0", mib);
        TestZipWriter zip = new TestZipWriter().add(first);
        for (int i = 1; i < 10; i++) {
            TestZipWriter.Entry alias = TestZipWriter.deflated("z" + i, mib);
            alias.sameLocalHeaderAs = first;
            zip.add(alias);
        }
        ReadLimits threeMib = new ReadLimits(MIB, 1000, MIB, 3L * MIB, 1000, 2);
        ApkArchive apk = ApkArchive.of("overlap.apk", ByteBuffer.wrap(zip.build()), threeMib);

        for (int i = 0; i < 3; i++) {
            assertThat(apk.read(apk.entries().get(i))).hasSize(MIB);
        }
        assertThat(readFailureCode(apk, apk.entries().get(3))).isEqualTo("zip.budget-exceeded");
        assertThat(apk.problems()).extracting(p -> p.code()).contains("zip.overlapping-entries");
    }

    @Test
    void streamingABombPastLenientEntryLimitsStopsAtTheArchiveBudget() throws Exception {
        ReadLimits lenient = new ReadLimits(2 * GIB, 2000, MIB, 64L * MIB, 1000, 2);
        ApkArchive apk = ApkArchive.of("bomb.apk",
                ByteBuffer.wrap(new TestZipWriter().add(bomb("zeros", GIB)).build()), lenient);
        long[] total = {0};
        byte[] buf = new byte[64 * 1024];

        assertThatThrownBy(() -> {
            try (InputStream in = apk.open(apk.entries().get(0))) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    total[0] += n;
                }
            }
        }).hasCauseInstanceOf(ZipFormatException.class).hasMessageContaining("budget exhausted");
        assertThat(total[0]).as("exactly the budget, then failure").isEqualTo(64L * MIB);
    }
}
