package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed generated files equal what the generators make now, so the generators stay
 * deterministic and nobody edits a generated file by hand. Skipped where the inputs are absent
 * (the build never needs them).
 */
class GeneratedKbFilesAreCurrentTest {
    private static final Path KB_DIR = Path.of("src/main/resources/kb");
    private static final Path SHARED = Path.of("../../shared/data");

    @Test
    void trackersAndOrganisations(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isRegularFile(SHARED.resolve("exodus-trackers.facts.json")), "shared facts files not present");
        new TrackerFileGenerator().generate(SHARED, tmp, RegenerateKbFiles.KB_VERSION);
        assertSame(tmp, "trackers.json");
        assertSame(tmp, "organisations.json");
    }

    @Test
    void sdkAdapters(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isRegularFile(SHARED.resolve("trackhar-endpoints.facts.json")), "shared facts files not present");
        new AdapterFileGenerator().generate(SHARED, KB_DIR.resolve(AdapterFileGenerator.FILE), tmp,
                RegenerateKbFiles.KB_VERSION);
        assertSame(tmp, AdapterFileGenerator.FILE);
    }

    @Test
    void permissions(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isRegularFile(PermissionFileGenerator.FRAMEWORK_RES), "android-framework-res not installed");
        new PermissionFileGenerator().generate(tmp, RegenerateKbFiles.KB_VERSION);
        assertSame(tmp, "permissions.json");
    }

    private static void assertSame(Path generated, String name) throws Exception {
        assertThat(Files.readString(generated.resolve(name), StandardCharsets.UTF_8))
                .as(name + " is out of date: regenerate it (see RegenerateKbFiles)")
                .isEqualTo(Files.readString(KB_DIR.resolve(name), StandardCharsets.UTF_8));
    }
}
