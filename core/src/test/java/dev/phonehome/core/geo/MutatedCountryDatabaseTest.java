package dev.phonehome.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged country database fails to open with an IOException or answers each lookup (perhaps with nothing); nothing else escapes. */
class MutatedCountryDatabaseTest {
    @TempDir
    Path tmp;

    private static final String[] PROBES = {"8.219.1.1", "8.8.8.8", "5.9.1.1", "2a00:1450::1", "192.0.2.1", "::"};

    @Test
    void byteFlipsAndTruncationsNeverEscapeAsAnythingButIOException() {
        byte[] good = CountryDatabaseTest.sample().build();
        Random random = new Random(11);
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            int opened = 0;
            for (int i = 0; i < 1_500; i++) {
                byte[] bad = i % 5 == 0 ? Arrays.copyOf(good, random.nextInt(good.length)) : good.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0 && i % 5 != 0; flips--) {
                    bad[random.nextInt(bad.length)] ^= (byte) (1 << random.nextInt(8));
                }
                Path file = Files.write(tmp.resolve("m" + i + ".mmdb"), bad);
                CountryDatabase db;
                try {
                    db = CountryDatabase.open(file);
                } catch (IOException e) {
                    assertThat(e).hasMessageContaining(file.getFileName().toString());
                    continue;
                }
                opened++;
                try (db) {
                    for (String probe : PROBES) {
                        Optional<String> country = db.country(InetAddress.getByName(probe));
                        country.ifPresent(c -> assertThat(c).matches("[A-Z]{2}"));
                    }
                }
                Files.delete(file);
            }
            assertThat(opened).as("some mutations leave a readable database").isPositive();
        });
    }
}
