package dev.phonehome.traffic.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.geo.Geodata;
import dev.phonehome.core.geo.GeodataInstaller;
import dev.phonehome.core.geo.GeodataUpdateException;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.core.kb.GeodataPins;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.Regime;
import dev.phonehome.testkit.geo.GeodataFixture;
import dev.phonehome.traffic.flow.Protocol;
import dev.phonehome.traffic.flow.ServerNameSource;
import dev.phonehome.traffic.flow.TrafficConnection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Destinations from the real knowledge base and a test-built geodata snapshot (see {@link GeodataFixture}). */
class DestinationResolverTest {
    private static final LocalDate MAY_2025 = LocalDate.parse("2025-05-01");

    @TempDir
    static Path tmp;

    static Geodata geodata;
    static DestinationResolver resolver;

    @BeforeAll
    static void install() throws GeodataUpdateException {
        GeodataFixture fixture = GeodataFixture.write(tmp);
        GeodataPins pins = GeodataPins.read("pins.json", new ByteArrayInputStream(fixture.pinsJson().getBytes(StandardCharsets.UTF_8)));
        new GeodataInstaller(pins, (spec, into) -> {
            try {
                return Files.copy(fixture.tarball(spec), into.resolve("p.tgz"));
            } catch (IOException e) {
                throw new GeodataUpdateException(spec, e);
            }
        }).install(tmp.resolve("geo"), false);
        geodata = Geodata.open(tmp.resolve("geo"));
        resolver = new DestinationResolver(KnowledgeBase.load(), geodata);
    }

    @AfterAll
    static void close() throws IOException {
        geodata.close();
    }

    private static Destination at(String host, String ip, String date) {
        return resolver.resolve(host, Optional.ofNullable(ip), LocalDate.parse(date));
    }

    @Test
    void aXiaomiTrackerOnASingaporeAlibabaAddressIsAThirdCountryTransfer() {
        Destination d = at("Tracking.Intl.MIUI.com.", "8.219.1.2", "2025-05-01");
        assertThat(d.name()).isEqualTo("tracking.intl.miui.com");
        assertThat(d.registrableDomain()).hasValue("miui.com");
        assertThat(d.organisation()).hasValue("Xiaomi Corporation");
        assertThat(d.organisationCountry()).hasValue("CN");
        assertThat(d.tracker()).isPresent();
        assertThat(d.address()).isEqualTo("public");
        assertThat(d.ipCountry()).hasValue("SG");
        assertThat(d.ipCountryStatus()).isEqualTo("SG");
        assertThat(d.asn()).hasValue(45102L);
        assertThat(d.asOrganisation()).hasValue("Alibaba (US) Technology Co., Ltd.");
        assertThat(d.locationUncertain()).isFalse();
        assertThat(d.serverJurisdiction()).hasValueSatisfying(j -> {
            assertThat(j.regime()).isEqualTo(Regime.Kind.THIRD_COUNTRY);
            assertThat(j.summary()).isEqualTo("third country (SG)");
            assertThat(j.decision()).isEmpty();
        });
        assertThat(d.ownerJurisdiction()).map(Jurisdiction::summary).hasValue("third country (CN)");
        assertThat(d.geodata()).hasValueSatisfying(g -> assertThat(g).contains("@ip-location-db/asn@" + GeodataFixture.VERSION));
    }

    @Test
    void googleInTheUsIsAdequateUnderTheDpfOnlyWhileItIsInForce() {
        Destination dpf = at("ssl.google-analytics.com", "8.8.8.8", "2024-03-01");
        assertThat(dpf.organisation()).hasValue("Google LLC");
        assertThat(dpf.ipCountry()).hasValue("US");
        assertThat(dpf.serverJurisdiction()).hasValueSatisfying(j -> {
            assertThat(j.regime()).isEqualTo(Regime.Kind.ADEQUATE);
            assertThat(j.decision()).hasValue("(EU) 2023/1795");
            assertThat(j.from()).hasValue("2023-07-10");
            assertThat(j.summary()).isEqualTo("adequacy: United States (Data Privacy Framework) ((EU) 2023/1795, from 2023-07-10),"
                    + " certified organisations only");
        });
        assertThat(at("ssl.google-analytics.com", "8.8.8.8", "2021-03-01").serverJurisdiction())
                .map(Jurisdiction::regime).hasValue(Regime.Kind.THIRD_COUNTRY);
        assertThat(at("ssl.google-analytics.com", "8.8.8.8", "2018-01-01").serverJurisdiction()).hasValueSatisfying(j -> {
            assertThat(j.regime()).as("certification under Privacy Shield is not recorded").isEqualTo(Regime.Kind.ADEQUATE_IF_IN_SCOPE);
            assertThat(j.until()).hasValue("2020-07-16");
        });
    }

    @Test
    void anUnknownUsRecipientIsAdequateOnlyIfCertified() {
        Destination d = at("api.example.com", "8.8.8.8", "2025-05-01");
        assertThat(d.organisation()).isEmpty();
        assertThat(d.serverJurisdiction()).hasValueSatisfying(j -> {
            assertThat(j.regime()).isEqualTo(Regime.Kind.ADEQUATE_IF_IN_SCOPE);
            assertThat(j.condition()).hasValue("recipient is certified under (EU) 2023/1795");
        });
    }

    @Test
    void anycastAndCdnAddressesAreMarkedUncertainWithTheirReasons() {
        Destination google = at("dns.google", "8.8.8.8", "2025-05-01");
        assertThat(google.locationUncertain()).isTrue();
        assertThat(google.uncertainty()).containsExactly("8.8.8.0/24 is an anycast network (Google Public DNS)",
                "AS15169 (Google LLC) is a CDN");
        Destination cloudflare = at("cdn.example.net", "104.16.5.5", "2025-05-01");
        assertThat(cloudflare.uncertainty()).containsExactly("104.16.0.0/13 is an anycast network (Cloudflare edge)",
                "AS13335 (Cloudflare, Inc.) is an anycast network", "the country databases disagree: US and GB");
        assertThat(at("api.example.de", "5.9.1.1", "2025-05-01").locationUncertain()).isFalse();
    }

    @Test
    void anEuAddressIsInTheEea() {
        Destination d = at("api.example.de", "5.9.1.1", "2025-05-01");
        assertThat(d.registrableDomain()).hasValue("example.de");
        assertThat(d.asn()).hasValue(24940L);
        assertThat(d.serverJurisdiction()).hasValueSatisfying(j -> {
            assertThat(j.regime()).isEqualTo(Regime.Kind.EEA);
            assertThat(j.summary()).isEqualTo("EU/EEA (DE)");
        });
    }

    @Test
    void theAdequacyTableIsReadAtTheCaptureDate() {
        assertThat(at("a.example.com.br", "200.160.2.3", "2026-01-25").serverJurisdiction()).map(Jurisdiction::regime)
                .hasValue(Regime.Kind.THIRD_COUNTRY);
        assertThat(at("a.example.com.br", "200.160.2.3", "2026-01-26").serverJurisdiction()).map(Jurisdiction::regime)
                .hasValue(Regime.Kind.ADEQUATE);
        assertThat(at("a.example.co.uk", "81.2.69.1", "2025-12-27").serverJurisdiction()).flatMap(Jurisdiction::decision)
                .hasValue("(EU) 2021/1772");
        assertThat(at("a.example.co.uk", "81.2.69.1", "2025-12-28").serverJurisdiction()).hasValueSatisfying(j -> {
            assertThat(j.regime()).isEqualTo(Regime.Kind.ADEQUATE);
            assertThat(j.until()).hasValue("2031-12-27");
        });
        assertThat(at("a.example.co.uk", "81.2.69.1", "2032-01-01").serverJurisdiction()).map(Jurisdiction::regime)
                .hasValue(Regime.Kind.THIRD_COUNTRY);
        assertThat(at("a.example.ca", "24.48.1.1", "2025-05-01").serverJurisdiction()).hasValueSatisfying(j -> {
            assertThat(j.regime()).isEqualTo(Regime.Kind.ADEQUATE_IF_IN_SCOPE);
            assertThat(j.summary()).endsWith(", commercial organisations only");
        });
        assertThat(at("ssl.google-analytics.com", "24.48.1.1", "2025-05-01").serverJurisdiction()).map(Jurisdiction::regime)
                .as("a KB organisation is commercial").hasValue(Regime.Kind.ADEQUATE);
    }

    @Test
    void documentationAndLocalAddressesNeverGetACountry() {
        Destination doc = at("192.0.2.10", null, "2025-05-01");
        assertThat(doc.name()).isEmpty();
        assertThat(doc.ip()).hasValue("192.0.2.10");
        assertThat(doc.address()).isEqualTo("documentation range (RFC 5737, 192.0.2.0/24)");
        assertThat(doc.ipCountry()).isEmpty();
        assertThat(doc.ipCountryStatus()).isEqualTo("none: documentation range (RFC 5737, 192.0.2.0/24)");
        assertThat(doc.serverJurisdiction()).isEmpty();
        assertThat(doc.asn()).isEmpty();
        assertThat(at("printer.lan", "10.0.0.7", "2025-05-01").address()).isEqualTo("local network (RFC 1918, 10.0.0.0/8)");
        assertThat(at("cgnat", "100.64.1.1", "2025-05-01").address()).isEqualTo("local network (RFC 6598, 100.64.0.0/10)");
        assertThat(at("x", "2001:db8::5", "2025-05-01").address()).isEqualTo("documentation range (RFC 3849, 2001:db8::/32)");
        assertThat(at("x", "fd00::1", "2025-05-01").address()).isEqualTo("local network (RFC 4193, fc00::/7)");
    }

    @Test
    void withoutGeodataTheCountryIsUnknownAndSaysHowToGetIt() {
        Destination d = new DestinationResolver(KnowledgeBase.load(), Geodata.none())
                .resolve("tracking.intl.miui.com", Optional.of("8.219.1.2"), MAY_2025);
        assertThat(d.ipCountry()).isEmpty();
        assertThat(d.ipCountryStatus()).isEqualTo("unknown (no geodata: run phonehome data update)");
        assertThat(d.serverJurisdiction()).isEmpty();
        assertThat(d.ownerJurisdiction()).map(Jurisdiction::summary).hasValue("third country (CN)");
        assertThat(d.geodata()).isEmpty();
        assertThat(at("unknown.example", "203.0.114.1", "2025-05-01").ipCountryStatus()).isEqualTo("unknown (not in the geodata)");
        assertThat(at("no-address.example", null, "2025-05-01").ipCountryStatus()).isEqualTo("unknown (no address)");
    }

    @Test
    void aConnectionGivesNameSourceAndAddress() {
        TrafficConnection c = new TrafficConnection("t1", "10.0.0.2:40000", "[2a00:1450:4001:0::1]:443", "2025-05-01T10:00:00Z",
                "2025-05-01T10:00:01Z", Optional.empty(), Optional.of("www.google-analytics.com"),
                Optional.of(ServerNameSource.SNI), Protocol.HTTPS, Optional.empty(), 1, 1, 0, List.of());
        assertThat(DestinationResolver.startDate(c)).hasValue(MAY_2025);
        Destination d = resolver.resolve(c, MAY_2025);
        assertThat(d.nameSource()).hasValue(ServerNameSource.SNI);
        assertThat(d.ip()).hasValue("2a00:1450:4001::1");
        assertThat(d.ipCountry()).hasValue("IE");
        assertThat(d.serverJurisdiction()).map(Jurisdiction::regime).hasValue(Regime.Kind.EEA);
        assertThat(d.ownerJurisdiction()).map(Jurisdiction::regime).hasValue(Regime.Kind.ADEQUATE);
        TrafficConnection har = new TrafficConnection("h1", "", "api.example.de", "bad date", "", Optional.empty(),
                Optional.empty(), Optional.empty(), Protocol.HTTPS, Optional.empty(), 0, 0, 1, List.of());
        assertThat(DestinationResolver.startDate(har)).isEmpty();
        assertThat(resolver.resolve(har, MAY_2025).name()).isEqualTo("api.example.de");
    }

    @Test
    void theJsonIsCanonicalAndRepeatable() {
        String json = CanonicalJson.toString(at("ssl.google-analytics.com", "8.8.8.8", "2025-05-01"));
        assertThat(json).isEqualTo(CanonicalJson.toString(at("ssl.google-analytics.com", "8.8.8.8", "2025-05-01")));
        assertThat(json).contains("\"ipCountryStatus\" : \"US\"").contains("\"regime\" : \"ADEQUATE\"");
    }

    @Property(tries = 500)
    void hostileHostsAndAddressesNeverThrow(@ForAll String host, @ForAll String ip) {
        Destination d = resolver.resolve(host, Optional.of(ip), MAY_2025);
        assertThat(d.ipCountryStatus()).isNotEmpty();
        assertThat(d.name().length()).isLessThanOrEqualTo(253);
    }
}
