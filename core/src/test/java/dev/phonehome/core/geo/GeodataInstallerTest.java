package dev.phonehome.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.core.kb.GeodataPackage;
import dev.phonehome.core.kb.GeodataPins;
import dev.phonehome.testkit.geo.GeodataFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeodataInstallerTest {
    @TempDir
    Path tmp;

    GeodataFixture fixture;
    GeodataPins pins;
    Path data;

    @BeforeEach
    void setUp() {
        fixture = GeodataFixture.write(tmp);
        pins = GeodataPins.read("pins.json", new ByteArrayInputStream(fixture.pinsJson().getBytes(StandardCharsets.UTF_8)));
        data = tmp.resolve("data/geo");
    }

    /** Serves the fixture's tarballs as npm pack would. */
    private PackageFetcher fetcher() {
        return (spec, into) -> {
            try {
                return Files.copy(fixture.tarball(spec), into.resolve("package.tgz"));
            } catch (IOException e) {
                throw new GeodataUpdateException("no " + spec, e);
            }
        };
    }

    @Test
    void installsThePinnedSnapshotAndItAnswers() throws Exception {
        InstalledSnapshot snapshot = new GeodataInstaller(pins, fetcher()).install(data, false);

        assertThat(snapshot.pinned()).isTrue();
        assertThat(snapshot.packages()).extracting(GeodataPackage::version).containsOnly(GeodataFixture.VERSION);
        assertThat(snapshot.describe()).contains("@ip-location-db/asn@" + GeodataFixture.VERSION + " (2026-06-17)");
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    Geodata.SNAPSHOT, Geodata.COUNTRY, Geodata.COUNTRY_CROSS_CHECK, Geodata.ASN, Geodata.ATTRIBUTION,
                    "asn-ROUTEVIEWS-LICENSE", "country-NRO_LICENSE", "dbip-country-DBIP-LICENSE");
        }
        assertThat(Files.readString(data.resolve(Geodata.ATTRIBUTION))).contains("test data for dbip-country")
                .contains("CC-BY-4.0");
        try (Geodata geodata = Geodata.open(data)) {
            assertThat(geodata.available()).isTrue();
            assertThat(geodata.problems()).isEmpty();
            assertThat(geodata.snapshot()).hasValue(snapshot);
            IpFacts facts = geodata.lookup(IpLiteral.parse("8.219.3.4").orElseThrow());
            assertThat(facts.country()).hasValue("SG");
            assertThat(facts.as()).hasValue(new AsInfo(45102, "Alibaba (US) Technology Co., Ltd."));
            assertThat(geodata.lookup(IpLiteral.parse("104.16.1.1").orElseThrow()).countriesDisagree()).isTrue();
        }
    }

    @Test
    void latestRecordsWhatWasFetchedWithTheDateOfItsVersion() throws Exception {
        InstalledSnapshot snapshot = new GeodataInstaller(pins, fetcher()).install(data, true);
        assertThat(snapshot.pinned()).isFalse();
        assertThat(snapshot.packages()).allSatisfy(p -> {
            assertThat(p.version()).isEqualTo(GeodataFixture.LATEST);
            assertThat(p.date()).isEqualTo("2026-11-20");
        });
        assertThat(snapshot.describe()).endsWith("[latest, not the pinned snapshot]");
    }

    @Test
    void aTarballThatIsNotThePinnedOneIsRefusedAndTheInstalledSnapshotStays() throws Exception {
        new GeodataInstaller(pins, fetcher()).install(data, false);
        byte[] before = Files.readAllBytes(data.resolve(Geodata.SNAPSHOT));
        Files.copy(fixture.tarball(GeodataFixture.ASN + "@latest"), fixture.tarball(GeodataFixture.ASN + "@" + GeodataFixture.VERSION),
                StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> new GeodataInstaller(pins, fetcher()).install(data, false))
                .isInstanceOf(GeodataUpdateException.class)
                .hasMessageContaining("npm pack @ip-location-db/asn@" + GeodataFixture.VERSION)
                .hasMessageContaining("but kb/geodata.json pins");
        assertThat(Files.readAllBytes(data.resolve(Geodata.SNAPSHOT))).isEqualTo(before);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".update-"));
        }
    }

    @Test
    void aFetchFailureNamesThePackage() {
        PackageFetcher failing = (spec, into) -> {
            throw new GeodataUpdateException("npm pack " + spec + " failed: offline");
        };
        assertThatThrownBy(() -> new GeodataInstaller(pins, failing).install(data, false))
                .hasMessageContaining("npm pack @ip-location-db/asn@" + GeodataFixture.VERSION + " failed: offline");
        assertThat(Geodata.open(data).available()).isFalse();
    }
}
