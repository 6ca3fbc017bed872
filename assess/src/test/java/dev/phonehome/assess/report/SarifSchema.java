package dev.phonehome.assess.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The SARIF 2.1.0 JSON Schema (2.1.0-rtm.5, the one code-scanning services validate against),
 * as published inside the MIT-licensed npm package {@code @microsoft/jest-sarif}. Fetched with
 * {@code npm pack} into {@code target/} on first use and never committed.
 */
final class SarifSchema {
    static final String PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0";
    static final String MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json";
    private static final Path DIR = Path.of("target", "sarif-schema");

    private SarifSchema() {
    }

    static synchronized Path path() throws IOException, InterruptedException {
        Path schema = DIR.resolve(MEMBER);
        if (Files.isRegularFile(schema)) {
            return schema;
        }
        Files.createDirectories(DIR);
        run("npm", "pack", PACKAGE, "--silent", "--pack-destination", ".");
        try (var files = Files.list(DIR)) {
            Path tgz = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack wrote no archive"));
            run("tar", "xzf", tgz.getFileName().toString(), MEMBER);
        }
        return schema;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            unavailable(command[0] + " is not installed: " + e.getMessage());
            return;
        }
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            unavailable(String.join(" ", command) + " failed: " + output);
        }
    }

    /** On CI the schema must be there; on a developer machine without npm the test is skipped, saying why. */
    private static void unavailable(String why) {
        if (System.getenv("CI") != null) {
            fail("SARIF schema unavailable on CI: " + why);
        }
        abort("SARIF schema unavailable: " + why);
    }
}
