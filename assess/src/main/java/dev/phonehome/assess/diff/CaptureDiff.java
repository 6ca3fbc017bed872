package dev.phonehome.assess.diff;

import dev.phonehome.traffic.adapter.InventoryEntry;
import dev.phonehome.traffic.destination.Destination;
import dev.phonehome.traffic.privacy.PersonalDataUse;
import dev.phonehome.traffic.privacy.PrivacyReport;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Two captures of one phone compared (the {@code phonehome.diff/1} document). Items are compared
 * by stable text keys so the diff reads as a list and diffs of diffs stay meaningful:
 * destinations by server name (or address), SDKs by tracker id, parameters as
 * {@code host tracker context:name}, personal data as {@code type -> host (form)}.
 *
 * @param before       the first capture's file name
 * @param after        the second capture's file name
 * @param destinations servers contacted
 * @param sdks         SDKs recognised in requests or by their servers
 * @param parameters   distinct parameters per destination and SDK
 * @param personalData personal data per destination and form
 */
public record CaptureDiff(String schema, String before, String after, Changes destinations, Changes sdks,
                          Changes parameters, Changes personalData) {
    public static final String SCHEMA = "phonehome.diff/1";

    public CaptureDiff {
        Objects.requireNonNull(schema, "schema");
    }

    /** Compares {@code a} (named {@code before}) with {@code b} (named {@code after}). */
    public static CaptureDiff of(String before, PrivacyReport a, String after, PrivacyReport b) {
        return new CaptureDiff(SCHEMA, before, after,
                Changes.of(destinations(a), destinations(b)),
                Changes.of(sdks(a), sdks(b)),
                Changes.of(parameters(a), parameters(b)),
                Changes.of(personalData(a), personalData(b)));
    }

    /** Whether anything differs. */
    public boolean changed() {
        return destinations.changed() || sdks.changed() || parameters.changed() || personalData.changed();
    }

    private static TreeSet<String> destinations(PrivacyReport r) {
        TreeSet<String> out = new TreeSet<>();
        r.destinations().forEach(d -> out.add(hostOf(d.destination())));
        return out;
    }

    private static TreeSet<String> sdks(PrivacyReport r) {
        TreeSet<String> out = new TreeSet<>();
        r.destinations().forEach(d -> out.addAll(d.trackers()));
        return out;
    }

    private static TreeSet<String> personalData(PrivacyReport r) {
        TreeSet<String> out = new TreeSet<>();
        for (PersonalDataUse u : r.personalData()) {
            out.add(u.type().code() + " -> " + u.host() + " (" + u.form() + ")");
        }
        return out;
    }

    private static TreeSet<String> parameters(PrivacyReport r) {
        TreeSet<String> out = new TreeSet<>();
        for (InventoryEntry e : r.parameters().parameters()) {
            out.add(e.host() + " " + e.tracker().orElse("-") + " " + e.context() + ":" + e.name());
        }
        return out;
    }

    private static String hostOf(Destination d) {
        return d.name().isEmpty() ? d.ip().orElse("?") : d.name();
    }
}
