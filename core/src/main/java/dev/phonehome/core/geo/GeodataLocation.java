package dev.phonehome.core.geo;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where geodata lives: {@code $PHONEHOME_DATA/geo} when the variable is set (the {@code phonehome}
 * script sets it to the {@code data} folder of the checkout), else {@code data/geo} beside the
 * directory holding the phonehome jar.
 */
public final class GeodataLocation {
    public static final String VARIABLE = "PHONEHOME_DATA";

    private GeodataLocation() {
    }

    /** The default geodata directory for this environment. */
    public static Path defaultDirectory(Map<String, String> environment) {
        String data = environment.get(VARIABLE);
        if (data != null && !data.isBlank()) {
            return Path.of(data).resolve("geo");
        }
        return installation().resolve("data").resolve("geo");
    }

    private static Path installation() {
        try {
            Path code = Path.of(GeodataLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(code.toAbsolutePath().getParent()).orElse(Path.of("."));
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(".").toAbsolutePath();
        }
    }
}
