package dev.phonehome.core.kb;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The pinned geodata snapshot ({@code kb/geodata.json}): which packages answer IP questions, at which versions. */
public final class GeodataPins {
    static final String FILE = "kb/geodata.json";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern NPM_NAME = Pattern.compile("(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*");

    private final List<GeodataPackage> packages;

    private GeodataPins(List<GeodataPackage> packages) {
        this.packages = List.copyOf(packages);
    }

    record Document(Integer schemaVersion, String kbVersion, FileProvenance provenance,
                    List<GeodataPackage> packages) implements KbDocument {
    }

    static GeodataPins parse(String file, InputStream in, String kbVersion) {
        Document document = KbFiles.read(file, in, Document.class, kbVersion);
        EntryChecks checks = new EntryChecks(file, document);
        List<GeodataPackage> packages = checks.nonEmpty(document.packages(), "packages", "packages");
        checks.unique(packages, GeodataPackage::id, "package");
        for (GeodataPackage p : packages) {
            String entry = "package '" + p.id() + "'";
            checks.require(p.role() != null, entry, "role is missing");
            checks.require(p.npmPackage() != null && NPM_NAME.matcher(p.npmPackage()).matches(), entry,
                    "npm_package '" + p.npmPackage() + "' is not an npm package name");
            checks.require(p.version() != null && p.version().matches("[0-9A-Za-z.+-]{1,64}"), entry,
                    "version '" + p.version() + "' is not an exact version");
            checks.date(p.date(), entry, "date");
            checks.text(p.licence(), entry, "licence");
            checks.text(p.attribution(), entry, "attribution");
            checks.require(p.tarballSha256() != null && SHA256.matcher(p.tarballSha256()).matches(), entry,
                    "tarball_sha256 is not 64 lower-case hex digits");
            for (GeodataFile f : checks.nonEmpty(p.files(), entry, "files")) {
                checks.require(f != null && f.name() != null && FILE_NAME.matcher(f.name()).matches(), entry,
                        "file name '" + (f == null ? null : f.name()) + "' is not a plain file name");
                checks.require(f.sha256() != null && SHA256.matcher(f.sha256()).matches(), entry,
                        "file '" + f.name() + "': sha256 is not 64 lower-case hex digits");
            }
            for (String notice : p.notices()) {
                checks.require(notice != null && FILE_NAME.matcher(notice).matches(), entry,
                        "notice '" + notice + "' is not a plain file name");
            }
            checks.provenance(p.provenance(), entry);
        }
        for (GeodataPackage.Role role : GeodataPackage.Role.values()) {
            checks.require(packages.stream().filter(p -> p.role() == role).count() <= 1, "packages",
                    "more than one package has role " + role);
        }
        return new GeodataPins(packages);
    }

    /** Parses a pins file from a stream; for tests and tools that pin other versions. */
    public static GeodataPins read(String file, InputStream in) {
        return parse(file, in, null);
    }

    /** All pinned packages, sorted by id. */
    public List<GeodataPackage> packages() {
        return packages;
    }

    /** The package with {@code role}, if one is pinned. */
    public Optional<GeodataPackage> byRole(GeodataPackage.Role role) {
        return packages.stream().filter(p -> p.role() == role).findFirst();
    }
}
