package dev.phonehome.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import dev.phonehome.core.kb.GeodataPins;
import dev.phonehome.testkit.geo.GeodataFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeodataTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingDirectoryIsAStateNotAnError() {
        Geodata none = Geodata.open(tmp.resolve("nowhere"));
        assertThat(none.available()).isFalse();
        assertThat(none.problems()).isEmpty();
        assertThat(none.snapshot()).isEmpty();
        assertThat(none.lookup(IpLiteral.parse("8.8.8.8").orElseThrow())).isEqualTo(IpFacts.NONE);
    }

    @Test
    void aDamagedFileIsAProblemAndTheOthersStillAnswer() throws Exception {
        GeodataFixture fixture = GeodataFixture.write(tmp);
        GeodataPins pins = GeodataPins.read("pins.json", new ByteArrayInputStream(fixture.pinsJson().getBytes(StandardCharsets.UTF_8)));
        Path data = tmp.resolve("geo");
        new GeodataInstaller(pins, (spec, into) -> copy(fixture.tarball(spec), into)).install(data, false);
        Files.writeString(data.resolve(Geodata.COUNTRY_CROSS_CHECK), "garbage");
        Files.write(data.resolve(Geodata.ASN), new byte[] {'P', 'H', 'A', 'S', 'N', 0, 1, 0, 0});

        try (Geodata geodata = Geodata.open(data)) {
            assertThat(geodata.available()).isTrue();
            assertThat(geodata.problems()).extracting(Problem::code)
                    .containsExactlyInAnyOrder("geodata.asn-unreadable", "geodata.country-unreadable");
            IpFacts facts = geodata.lookup(IpLiteral.parse("5.9.1.1").orElseThrow());
            assertThat(facts.country()).hasValue("DE");
            assertThat(facts.crossCheckCountry()).isEmpty();
            assertThat(facts.as()).isEmpty();
        }
    }

    @Test
    void anUnreadableManifestIsAProblem() throws IOException {
        Files.writeString(tmp.resolve(Geodata.SNAPSHOT), "{\"format\": \"other/9\", \"pinned\": true, \"packages\": []}");
        Geodata geodata = Geodata.open(tmp);
        assertThat(geodata.available()).isFalse();
        assertThat(geodata.problems()).extracting(Problem::code)
                .containsExactlyInAnyOrder("geodata.snapshot-format", "geodata.country-unreadable", "geodata.asn-unreadable");
    }

    private static Path copy(Path from, Path into) throws GeodataUpdateException {
        try {
            return Files.copy(from, into.resolve("p.tgz"));
        } catch (IOException e) {
            throw new GeodataUpdateException(e.getMessage(), e);
        }
    }
}
