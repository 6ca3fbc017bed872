package dev.phonehome.apk.zip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Mutations of valid archives: only a ZipFormatException or recorded problems, never another exception. */
class MutatedArchivePropertiesTest {
    private static final ReadLimits SMALL = new ReadLimits(16 << 20, 1000, 1 << 20, 64 << 20, 10_000, 2);
    private static final byte[] APK = ZipFixtures.smallApk();
    private static final byte[] ZIP64 = zip64Archive();

    private static byte[] zip64Archive() {
        TestZipWriter.Entry big = TestZipWriter.deflated("classes.dex", ZipFixtures.repeat("zip64 ", 50));
        big.zip64 = true;
        return new TestZipWriter().add(TestZipWriter.stored("a.apk", APK)).add(big)
                .comment("comment".getBytes(StandardCharsets.UTF_8)).zip64().build();
    }

    /** Opens, reads, slices and opens nested APKs; returns the number of entries read successfully. */
    static int exercise(byte[] bytes) {
        try {
            return exercise(ApkArchive.of("mutant.apk", ByteBuffer.wrap(bytes), SMALL));
        } catch (ZipFormatException expected) {
            assertThat(expected.code()).startsWith("zip.");
            return 0;
        }
    }

    private static int exercise(ApkArchive apk) {
        assertThat(apk.problems()).isSorted();
        int read = 0;
        for (ArchiveEntry e : apk.entries()) {
            try {
                apk.read(e);
                read++;
                if (e.readAsStored()) {
                    apk.slice(e);
                }
            } catch (ZipFormatException expected) {
                assertThat(expected.code()).startsWith("zip.");
            }
        }
        ApkBundle bundle = ApkBundle.of(apk);
        for (String name : bundle.apkNames()) {
            try {
                read += exercise(bundle.open(name));
            } catch (ZipFormatException expected) {
                assertThat(expected.code()).startsWith("zip.");
            }
        }
        return read;
    }

    @Example
    void theUnmutatedArchivesReadCompletely() {
        assertThat(exercise(APK)).isEqualTo(4);
        assertThat(exercise(ZIP64)).as("2 entries and the 4 of the nested a.apk").isEqualTo(6);
    }

    @Example
    void everyPrefixFailsCleanly() {
        for (byte[] base : List.of(APK, ZIP64)) {
            for (int n = 0; n < base.length; n++) {
                exercise(Arrays.copyOf(base, n));
            }
        }
    }

    @Property(tries = 400)
    void randomByteFlipsFailCleanly(@ForAll("archives") byte[] base, @ForAll("flips") List<int[]> flips) {
        byte[] mutant = base.clone();
        for (int[] flip : flips) {
            mutant[flip[0] % mutant.length] ^= (byte) flip[1];
        }
        exercise(mutant);
    }

    @Property(tries = 400)
    void extremeLengthFieldsFailCleanly(@ForAll("archives") byte[] base, @ForAll("words") List<int[]> words) {
        ByteBuffer mutant = ByteBuffer.wrap(base.clone()).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] word : words) {
            int at = word[0] % (base.length - 3);
            if (word[2] == 0) {
                mutant.putShort(at, (short) word[1]);
            } else {
                mutant.putInt(at, word[1]);
            }
        }
        exercise(mutant.array());
    }

    @Provide
    Arbitrary<byte[]> archives() {
        return Arbitraries.of(APK, ZIP64);
    }

    @Provide
    Arbitrary<List<int[]>> flips() {
        Arbitrary<int[]> flip = Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(1, 255)).as((at, mask) -> new int[] {at, mask});
        return flip.list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<int[]>> words() {
        Arbitrary<Integer> value = Arbitraries.of(0, 1, -1, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 46, 22, 30, 0xFFFF_FFF0);
        Arbitrary<int[]> word = Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE), value,
                Arbitraries.integers().between(0, 1)).as((at, v, wide) -> new int[] {at, v, wide});
        return word.list().ofMinSize(1).ofMaxSize(4);
    }
}
