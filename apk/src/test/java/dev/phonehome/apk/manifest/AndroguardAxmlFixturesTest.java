package dev.phonehome.apk.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * androguard's collection of odd binary manifests (wrong file size, masking namespaces, UTF-8
 * pools, unterminated strings, wrong chunk start, ...): each one is a manifest or an
 * AxmlFormatException; where aapt reads it, we read the same package line, and the same
 * permissions when we recorded no problem. (Without resources.arsc aapt's badging stops at
 * the first resource reference, so SDK versions are compared on full APKs only.)
 */
class AndroguardAxmlFixturesTest {
    private static final Path FIXTURES = ReferenceApks.ANDROGUARD_EXAMPLES.resolve("axml");

    @TempDir
    Path dir;

    @Test
    void oddManifestsAreReadAsAaptReadsThem() throws Exception {
        assumeTrue(Files.isDirectory(FIXTURES), "androguard examples are not installed");
        List<Path> fixtures;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            fixtures = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (Path fixture : fixtures) {
            byte[] xml = Files.readAllBytes(fixture);
            AndroidManifest ours;
            try {
                ours = AndroidManifest.parse(xml);
            } catch (AxmlFormatException refused) {
                continue;
            }
            Optional<String> aapt = Files.isExecutable(ReferenceApks.AAPT) ? AaptSummary.aapt(apkWith(xml)) : Optional.empty();
            if (aapt.isPresent()) {
                compared++;
                String expected = comparable(aapt.get(), ours.problems().isEmpty());
                String actual = comparable(AaptSummary.ours(ours), ours.problems().isEmpty());
                if (!expected.equals(actual)) {
                    mismatches.add(fixture.getFileName() + "\n  aapt: " + expected + "\n  ours: " + actual);
                }
            }
        }
        assertThat(fixtures).hasSizeGreaterThan(10);
        assertThat(mismatches).isEmpty();
        if (Files.isExecutable(ReferenceApks.AAPT)) {
            assertThat(compared).isGreaterThan(10);
        }
    }

    /** The package line, plus the permissions when the file decoded cleanly. */
    private static String comparable(String summary, boolean clean) {
        String packageLine = summary.substring(0, summary.indexOf(" sdk "));
        return clean ? packageLine + summary.substring(summary.indexOf(" [")) : packageLine;
    }

    private Path apkWith(byte[] manifest) throws IOException {
        Path apk = Files.createTempFile(dir, "fixture", ".apk");
        try (OutputStream out = Files.newOutputStream(apk); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("AndroidManifest.xml"));
            zip.write(manifest);
            zip.closeEntry();
        }
        return apk;
    }
}
