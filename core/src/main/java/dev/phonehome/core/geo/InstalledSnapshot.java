package dev.phonehome.core.geo;

import dev.phonehome.core.kb.GeodataPackage;
import java.util.List;

/**
 * What {@code phonehome data update} installed in a data directory ({@code snapshot.json}), so
 * every report can say which dated snapshot answered.
 *
 * @param format   {@link #FORMAT}
 * @param pinned   true when the versions and hashes of {@code kb/geodata.json} were fetched and
 *                 checked; false after {@code --latest}
 * @param packages the packages as fetched: versions and SHA-256 of what was actually installed
 */
public record InstalledSnapshot(String format, boolean pinned, List<GeodataPackage> packages) {
    public static final String FORMAT = "phonehome.geodata/1";

    public InstalledSnapshot {
        packages = List.copyOf(packages);
    }

    /** One line naming every package, e.g. {@code @ip-location-db/asn@2.3.2026061719 (2026-06-17), ...}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (GeodataPackage p : packages) {
            out.append(out.length() == 0 ? "" : ", ").append(p.spec()).append(" (").append(p.date()).append(')');
        }
        return out.append(pinned ? "" : " [latest, not the pinned snapshot]").toString();
    }
}
