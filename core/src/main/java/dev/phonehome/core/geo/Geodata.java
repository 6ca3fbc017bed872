package dev.phonehome.core.geo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phonehome.core.Problem;
import dev.phonehome.core.json.CanonicalJson;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The geodata installed in a data directory by {@code phonehome data update}: country databases
 * and the ASN table, opened read-only. Analysis reads only these local files. A missing
 * directory is a state, not an error: {@link #available()} is false and every lookup answers
 * nothing. A damaged file becomes a coded problem and the other files still answer.
 */
public final class Geodata implements AutoCloseable {
    /** File names inside the data directory. */
    public static final String SNAPSHOT = "snapshot.json";
    public static final String COUNTRY = "country.mmdb";
    public static final String COUNTRY_CROSS_CHECK = "country-cross-check.mmdb";
    public static final String ASN = "asn.table";
    public static final String ATTRIBUTION = "ATTRIBUTION.txt";

    /** What reports say instead of a country when no geodata is installed. */
    public static final String NO_GEODATA = "unknown (no geodata: run phonehome data update)";

    private static final ObjectMapper READER = CanonicalJson.mapper().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Optional<InstalledSnapshot> snapshot;
    private final CountryDatabase country;
    private final CountryDatabase crossCheck;
    private final AsnTable asn;
    private final List<Problem> problems;

    private Geodata(Optional<InstalledSnapshot> snapshot, CountryDatabase country, CountryDatabase crossCheck,
                    AsnTable asn, List<Problem> problems) {
        this.snapshot = snapshot;
        this.country = country;
        this.crossCheck = crossCheck;
        this.asn = asn;
        this.problems = List.copyOf(problems);
    }

    /** No geodata at all. */
    public static Geodata none() {
        return new Geodata(Optional.empty(), null, null, null, List.of());
    }

    /** Opens what {@code dir} holds; never throws, a missing or damaged file is recorded in {@link #problems()}. */
    public static Geodata open(Path dir) {
        List<Problem> problems = new ArrayList<>();
        Path manifest = dir.resolve(SNAPSHOT);
        if (!Files.isRegularFile(manifest)) {
            return none();
        }
        Optional<InstalledSnapshot> snapshot = Optional.empty();
        try {
            InstalledSnapshot s = READER.readValue(manifest.toFile(), InstalledSnapshot.class);
            if (InstalledSnapshot.FORMAT.equals(s.format())) {
                snapshot = Optional.of(s);
            } else {
                problems.add(new Problem("geodata.snapshot-format", manifest.toString(),
                        "format is " + s.format() + ", expected " + InstalledSnapshot.FORMAT));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem("geodata.snapshot-unreadable", manifest.toString(), String.valueOf(e.getMessage())));
        }
        CountryDatabase country = openCountry(dir.resolve(COUNTRY), problems);
        CountryDatabase crossCheck = Files.exists(dir.resolve(COUNTRY_CROSS_CHECK))
                ? openCountry(dir.resolve(COUNTRY_CROSS_CHECK), problems) : null;
        AsnTable asn = null;
        try {
            asn = AsnTable.open(dir.resolve(ASN));
        } catch (IOException | AsnTableFormatException e) {
            problems.add(new Problem("geodata.asn-unreadable", dir.resolve(ASN).toString(), String.valueOf(e.getMessage())));
        }
        return new Geodata(snapshot, country, crossCheck, asn, problems);
    }

    private static CountryDatabase openCountry(Path file, List<Problem> problems) {
        try {
            return CountryDatabase.open(file);
        } catch (IOException e) {
            problems.add(new Problem("geodata.country-unreadable", file.toString(), String.valueOf(e.getMessage())));
            return null;
        }
    }

    /** Whether a snapshot is installed and its country database opened. */
    public boolean available() {
        return snapshot.isPresent() && country != null;
    }

    /** The installed snapshot, naming the dated versions that answer. */
    public Optional<InstalledSnapshot> snapshot() {
        return snapshot;
    }

    /** Problems met opening the files, sorted. */
    public List<Problem> problems() {
        return problems.stream().sorted().toList();
    }

    /** What the databases say about {@code address}; callers keep special-purpose addresses away. */
    public IpFacts lookup(InetAddress address) {
        if (!available()) {
            return IpFacts.NONE;
        }
        return new IpFacts(country.country(address),
                crossCheck == null ? Optional.empty() : crossCheck.country(address),
                asn == null ? Optional.empty() : asn.lookup(address));
    }

    @Override
    public void close() throws IOException {
        for (CountryDatabase db : new CountryDatabase[] {country, crossCheck}) {
            if (db != null) {
                db.close();
            }
        }
    }
}
