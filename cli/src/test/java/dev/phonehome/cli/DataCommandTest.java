package dev.phonehome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.geo.Geodata;
import dev.phonehome.testkit.geo.GeodataFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code phonehome data update} end to end with a fake npm serving test-built tarballs: never the registry. */
class DataCommandTest {
    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CapturedRun run = CapturedRun.of(args);
            return new Run(run.exitCode(), run.out(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void latestInstallsWhatNpmPacksAndStatusNamesIt() {
        GeodataFixture fixture = GeodataFixture.write(tmp);
        Path dir = tmp.resolve("geo");
        Run update = run("data", "update", "--latest", "--dir", dir.toString(), "--npm", fixture.fakeNpm(tmp).toString());
        assertThat(update.exitCode()).as(update.err()).isEqualTo(ExitCode.OK);
        assertThat(update.out()).contains("3 latest packages with npm pack into " + dir)
                .contains("@ip-location-db/asn@" + GeodataFixture.LATEST + "  2026-11-20  CC-BY-4.0  SHA-256 ")
                .contains("Attribution: " + dir.resolve(Geodata.ATTRIBUTION));
        Run status = run("data", "status", "--dir", dir.toString());
        assertThat(status.out()).contains("@ip-location-db/geo-whois-asn-country-mmdb@" + GeodataFixture.LATEST)
                .contains("[latest, not the pinned snapshot]").doesNotContain("problem");
    }

    @Test
    void thePinnedSnapshotRefusesATarballWithAnotherHash() {
        GeodataFixture fixture = GeodataFixture.write(tmp);
        Run update = run("data", "update", "--dir", tmp.resolve("geo").toString(), "--npm", fixture.fakeNpm(tmp).toString());
        assertThat(update.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(update.err()).contains("phonehome data update: npm pack @ip-location-db/asn@2.3.2026061719 gave a tarball")
                .contains("but kb/geodata.json pins b9425daf");
        assertThat(run("data", "status", "--dir", tmp.resolve("geo").toString()).out())
                .contains("none (run phonehome data update)");
    }

    @Test
    void offlineAndMissingNpmAreClearErrors() {
        Run offline = run("data", "update", "--dir", tmp.resolve("geo").toString(), "--npm",
                GeodataFixture.offlineNpm(tmp).toString());
        assertThat(offline.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(offline.err()).contains("failed with exit code 1").contains("ENOTFOUND");
        Run missing = run("data", "update", "--dir", tmp.resolve("geo").toString(), "--npm", tmp.resolve("none").toString());
        assertThat(missing.err()).contains("cannot run").contains("install npm (apt-get install -y npm)");
    }
}
