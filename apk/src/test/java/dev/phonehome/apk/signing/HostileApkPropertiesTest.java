package dev.phonehome.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.testkit.SigningIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
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
        assertCodedReport(java.util.Arrays.copyOf(signed, cut % signed.length));
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
