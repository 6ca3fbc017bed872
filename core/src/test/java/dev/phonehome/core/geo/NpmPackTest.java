package dev.phonehome.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.testkit.geo.GeodataFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code npm pack} as a child process, against a fake npm: never the registry. */
class NpmPackTest {
    @TempDir
    Path tmp;

    @Test
    void fetchesTheTarballNpmPacks() throws Exception {
        GeodataFixture fixture = GeodataFixture.write(tmp);
        Path into = Files.createDirectories(tmp.resolve("into"));
        Path tgz = new NpmPack(fixture.fakeNpm(tmp).toString()).fetch(GeodataFixture.ASN + "@" + GeodataFixture.VERSION, into);
        assertThat(Files.readAllBytes(tgz)).isEqualTo(Files.readAllBytes(fixture.tarball(GeodataFixture.ASN + "@" + GeodataFixture.VERSION)));
    }

    @Test
    void aRelativeDestinationIsResolvedOnce() throws Exception {
        GeodataFixture fixture = GeodataFixture.write(tmp);
        Path into = Files.createDirectories(Path.of("target", "npm-pack-" + System.nanoTime()));
        Path tgz = new NpmPack(fixture.fakeNpm(tmp).toString()).fetch(GeodataFixture.ASN + "@latest", into);
        assertThat(tgz).exists().startsWith(into.toAbsolutePath());
    }

    @Test
    void aMissingNpmSaysHowToGetIt() {
        assertThatThrownBy(() -> new NpmPack(tmp.resolve("no-npm-here").toString()).fetch("a@1", tmp))
                .isInstanceOf(GeodataUpdateException.class)
                .hasMessageContaining("cannot run").hasMessageContaining("install npm");
    }

    @Test
    void anOfflineNpmQuotesNpmsError() {
        assertThatThrownBy(() -> new NpmPack(GeodataFixture.offlineNpm(tmp).toString()).fetch("@scope/a@1", tmp))
                .isInstanceOf(GeodataUpdateException.class)
                .hasMessageContaining("npm pack @scope/a@1 failed with exit code 1")
                .hasMessageContaining("getaddrinfo ENOTFOUND");
    }

    @Test
    void anUnknownVersionFails() throws Exception {
        GeodataFixture fixture = GeodataFixture.write(tmp);
        Path into = Files.createDirectories(tmp.resolve("into"));
        assertThatThrownBy(() -> new NpmPack(fixture.fakeNpm(tmp).toString()).fetch(GeodataFixture.ASN + "@0.0.1", into))
                .hasMessageContaining("E404");
    }
}
