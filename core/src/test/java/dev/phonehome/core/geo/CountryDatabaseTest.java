package dev.phonehome.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.testkit.geo.MmdbWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountryDatabaseTest {
    @TempDir
    Path dir;

    static MmdbWriter sample() {
        return new MmdbWriter("country")
                .network("8.219.0.0/16", Map.of("country_code", "SG"))
                .network("8.8.8.0/24", Map.of("country_code", "US"))
                .network("2a00:1450::/32", Map.of("country_code", "IE"))
                .network("5.9.0.0/16", Map.of("country", "ignored", "country_code", "de"))
                .network("81.2.69.0/24", Map.of("iso", "GB"));
    }

    @Test
    void answersTheCountryOfEachNetwork() throws IOException {
        try (CountryDatabase db = CountryDatabase.open(sample().write(dir.resolve("c.mmdb")))) {
            assertThat(db.country(IpLiteral.parse("8.219.10.20").orElseThrow())).hasValue("SG");
            assertThat(db.country(IpLiteral.parse("8.8.8.8").orElseThrow())).hasValue("US");
            assertThat(db.country(IpLiteral.parse("2a00:1450:4001:82a::200e").orElseThrow())).hasValue("IE");
            assertThat(db.country(IpLiteral.parse("5.9.1.1").orElseThrow())).as("upper-cased").hasValue("DE");
            assertThat(db.country(IpLiteral.parse("8.8.9.1").orElseThrow())).isEmpty();
            assertThat(db.country(IpLiteral.parse("81.2.69.1").orElseThrow())).as("no country field").isEmpty();
            assertThat(db.databaseType()).isEqualTo("country");
        }
    }

    @Test
    void aFileThatIsNoDatabaseFailsToOpenNamingIt() throws IOException {
        Path bad = Files.write(dir.resolve("bad.mmdb"), "not a database".getBytes());
        assertThatThrownBy(() -> CountryDatabase.open(bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad.mmdb").hasMessageContaining("not a readable MaxMind DB");
    }
}
