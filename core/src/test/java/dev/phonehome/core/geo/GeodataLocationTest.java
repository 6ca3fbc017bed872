package dev.phonehome.core.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeodataLocationTest {
    @Test
    void theVariableWins() {
        assertThat(GeodataLocation.defaultDirectory(Map.of("PHONEHOME_DATA", "/srv/phonehome")))
                .isEqualTo(Path.of("/srv/phonehome/geo"));
    }

    @Test
    void otherwiseDataGeoBesideTheCode() {
        Path dir = GeodataLocation.defaultDirectory(Map.of("PHONEHOME_DATA", " "));
        // Tests run from target/classes, so "beside the code" is target/.
        assertThat(dir).isEqualTo(Path.of("target", "data", "geo").toAbsolutePath());
    }
}
