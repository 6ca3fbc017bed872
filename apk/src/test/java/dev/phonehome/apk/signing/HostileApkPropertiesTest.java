package dev.phonehome.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.testkit.SigningIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Mechanical robustness: whatever bytes an APK holds, inspection returns a report whose
 * problems are coded {@code signing.*}; it never throws and never hangs.
 */
class HostileApkPropertiesTest {
    private static byte[] signed;
    private static Path dir;
    private static final SignatureInspector INSPECTOR = new SignatureInspector();

    @BeforeContainer
    static void signOnce() throws IOException {
        dir = Files.createTempDirectory("phonehome-hostile");
        signed = Files.readAllBytes(Fixtures.apk().signedBy(SigningIdentity.generate("fuzz")).schemes(true, true, true)
                .write(dir.resolve("signed.apk")));
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 250)
    void flippedBytesYieldACodedReport(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = Integer.MAX_VALUE) Integer> positions,
            @ForAll @IntRange(min = 1, max = 255) int mask) {
        byte[] bytes = signed.clone();
        for (int position : positions) {
            bytes[position % bytes.length] ^= (byte) mask;
        }
        assertCodedReport(bytes);
    }

    @Property(tries = 250)
    void everyPrefixYieldsACodedReport(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int cut) {
        assertCodedReport(Arrays.copyOf(signed, cut % signed.length));
    }

    /**
     * apksig allocates the size the central directory declares for the entries it reads whole;
     * a flipped size byte asked it for gigabytes (an OutOfMemoryError under -Xmx256m).
     */
    @Example
    void anOversizedSignatureFileIsRefusedBeforeApksigAllocatesIt() throws IOException {
        for (String entry : List.of("META-INF/MANIFEST.MF", "AndroidManifest.xml")) {
            byte[] bytes = signed.clone();
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(centralRecord(bytes, entry) + 24, 1_500_000_000);
            Path apk = Files.write(dir.resolve("oversized.apk"), bytes);
            SigningReport report = INSPECTOR.inspect(apk, OptionalInt.of(24));
            assertThat(report.verified()).isFalse();
            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("signing.ENTRY_TOO_LARGE");
                assertThat(p.message()).startsWith(entry + " declares 1500000000 bytes");
            });
        }
    }

    /** Offset of the central directory record naming {@code name}. */
    private static int centralRecord(byte[] zip, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 + wanted.length <= zip.length; at++) {
            if (b.getInt(at) == 0x02014b50 && (b.getShort(at + 28) & 0xFFFF) == wanted.length
                    && Arrays.equals(zip, at + 46, at + 46 + wanted.length, wanted, 0, wanted.length)) {
                return at;
            }
        }
        throw new AssertionError(name + " not in the central directory");
    }

    private static void assertCodedReport(byte[] bytes) {
        Path apk = dir.resolve("hostile.apk");
        try {
            Files.write(apk, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SigningReport report = INSPECTOR.inspect(apk, OptionalInt.of(24));
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.code()).startsWith("signing."));
        if (report.verified()) {
            assertThat(report.signers()).isNotEmpty();
        }
    }
}
