package dev.phonehome.core.geo;

import com.maxmind.db.Reader;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP-to-country database in the MaxMind DB format, read with MaxMind's reader (memory-mapped).
 * ip-location-db's databases hold a {@code country_code}; GeoLite2-style records
 * ({@code country.iso_code}) are read too.
 */
public final class CountryDatabase implements AutoCloseable {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final Reader reader;

    private CountryDatabase(Reader reader) {
        this.reader = reader;
    }

    /** Opens the database; a file that is not a MaxMind DB fails here, naming it. */
    public static CountryDatabase open(Path file) throws IOException {
        try {
            return new CountryDatabase(new Reader(file.toFile(), Reader.FileMode.MEMORY_MAPPED));
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a readable MaxMind DB: " + e.getMessage(), e);
        }
    }

    /** The ISO 3166-1 alpha-2 country of {@code address}; empty when the database has none or its record is unusable. */
    public Optional<String> country(InetAddress address) {
        try {
            Object record = reader.get(address, Map.class);
            return record instanceof Map<?, ?> map ? code(map) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // A corrupt tree or record costs this one answer, not the analysis.
            return Optional.empty();
        }
    }

    private static Optional<String> code(Map<?, ?> record) {
        Object code = record.get("country_code");
        if (code == null && record.get("country") instanceof Map<?, ?> country) {
            code = country.get("iso_code");
        }
        if (code instanceof String s && COUNTRY.matcher(s.toUpperCase(Locale.ROOT)).matches()) {
            return Optional.of(s.toUpperCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    /** The database type its metadata declares, e.g. {@code country}. */
    public String databaseType() {
        return reader.getMetadata().databaseType();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
