package dev.phonehome.core.kb;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Regenerates the generated knowledge files in {@code src/main/resources/kb}. Runs only on request:
 * {@code mvn -B -q verify -pl core -Dtest=RegenerateKbFiles -Dphonehome.kb.regenerate=true}
 * (needs {@code ../shared/data} beside the clone and Debian's aapt and android-framework-res).
 * The build itself never regenerates: the committed files are the knowledge base.
 */
@EnabledIfSystemProperty(named = "phonehome.kb.regenerate", matches = "true")
class RegenerateKbFiles {
    static final String KB_VERSION = "2026.12.03";
    private static final Path KB_DIR = Path.of("src/main/resources/kb");

    @Test
    void regenerate() throws Exception {
        Path shared = Path.of(System.getProperty("phonehome.shared", "../../shared/data"));
        Files.createDirectories(KB_DIR);
        new TrackerFileGenerator().generate(shared, KB_DIR, KB_VERSION);
        new AdapterFileGenerator().generate(shared, KB_DIR.resolve(AdapterFileGenerator.FILE), KB_DIR, KB_VERSION);
        new PermissionFileGenerator().generate(KB_DIR, KB_VERSION);
    }
}
