package dev.phonehome.apk.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Our manifest reading agrees with Android's own {@code aapt} on every reference APK of this machine. */
class AaptComparisonTest {
    @Test
    void packageVersionsSdksAndPermissionsMatchAapt() throws Exception {
        assumeTrue(Files.isExecutable(ReferenceApks.AAPT), "aapt is not installed");
        List<Path> apks = ReferenceApks.all();
        assumeTrue(!apks.isEmpty(), "no reference APKs installed (Debian androguard, android-framework-res)");
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (Path apk : apks) {
            Optional<String> expected = AaptSummary.aapt(apk);
            Optional<byte[]> xml = ReferenceApks.entry(apk, "AndroidManifest.xml");
            if (expected.isEmpty() || xml.isEmpty()) {
                continue; // aapt itself refuses the file: nothing to compare against
            }
            compared++;
            String actual = AaptSummary.ours(AndroidManifest.parse(xml.get()));
            if (!expected.get().equals(actual)) {
                mismatches.add(apk.getFileName() + "\n  aapt: " + expected.get() + "\n  ours: " + actual);
            }
        }
        assertThat(compared).as("APKs compared").isGreaterThanOrEqualTo(apks.size() / 2);
        assertThat(mismatches).as("APKs where we differ from aapt").isEmpty();
    }
}
