package dev.phonehome.cli;

import dev.phonehome.traffic.adapter.InventoryEntry;
import dev.phonehome.traffic.destination.Destination;
import dev.phonehome.traffic.destination.Jurisdiction;
import dev.phonehome.traffic.privacy.DestinationUse;
import dev.phonehome.traffic.privacy.PersonalDataUse;
import dev.phonehome.traffic.privacy.PrivacyReport;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/** The terminal view of what left the phone: destinations, parameters per SDK, personal data. */
final class PrivacyText {
    private static final int VALUE_CHARS = 40;

    private PrivacyText() {
    }

    static void print(PrivacyReport r, PrintStream out) {
        out.println();
        out.printf("Destinations (%d):%n", r.destinations().size());
        out.printf("  %-32s %-15s %-36s %-26s %-30s %4s  %-20s %s%n", "SERVER", "ADDRESS", "ORGANISATION (HQ)",
                "SERVER LOCATION", "GDPR REGIME", "REQ", "SDK", "PERSONAL DATA");
        for (DestinationUse d : r.destinations()) {
            Destination x = d.destination();
            out.printf("  %-32s %-15s %-36s %-26s %-30s %4d  %-20s %s%s%n", cut(x.name(), 32), x.ip().orElse("-"),
                    cut(x.organisation().map(o -> o + x.organisationCountry().map(c -> " (" + c + ")").orElse(""))
                            .orElse("-"), 36),
                    cut(x.ipCountry().orElse(x.ipCountryStatus()) + (x.locationUncertain() ? " (uncertain)" : ""), 26),
                    cut(regime(x), 30), d.exchanges(), cut(d.trackers().isEmpty() ? "-" : String.join(",", d.trackers()), 20),
                    d.personalData().isEmpty() ? "-" : String.join(",", d.personalData()),
                    d.encryptedPayload() ? "  [encrypted payload]" : "");
        }
        printParameters(r, out);
        printPersonalData(r, out);
    }

    /** The server's regime when its country is known, else the owner's, marked as such. */
    static String regime(Destination d) {
        return d.serverJurisdiction().map(Jurisdiction::summary)
                .or(() -> d.ownerJurisdiction().map(j -> j.summary() + " [owner HQ]"))
                .orElse("unknown");
    }

    private static void printParameters(PrivacyReport r, PrintStream out) {
        Map<String, Long> perSdk = new TreeMap<>();
        for (InventoryEntry e : r.parameters().parameters()) {
            perSdk.merge(e.host() + " (" + e.tracker().orElse("no SDK recognised") + ")", 1L, Long::sum);
        }
        out.println();
        out.printf("Parameters: %d distinct, by destination and SDK:%n", r.parameters().parameters().size());
        perSdk.forEach((k, n) -> out.printf("  %4d  %s%n", n, k));
        for (InventoryEntry e : r.parameters().parameters()) {
            if (e.tracker().isEmpty()) {
                continue;
            }
            out.printf("    %-28s %-6s %-44s %-22s %3dx  %s%n", cut(e.host(), 28), e.context(), cut(e.name(), 44),
                    cut(e.standardProperties().isEmpty() ? "-" : String.join(",", e.standardProperties()), 22),
                    e.occurrences(), e.examples().isEmpty() ? "" : cut(e.examples().get(0), VALUE_CHARS));
        }
    }

    private static void printPersonalData(PrivacyReport r, PrintStream out) {
        out.println();
        out.printf("Personal data (%d):%n", r.personalData().size());
        for (PersonalDataUse u : r.personalData()) {
            out.printf("  %-15s %-24s -> %-28s %s  (%dx in %d requests, first %s; %s%s)%n", u.type().code(), u.form(),
                    cut(u.host(), 28), u.path(), u.occurrences(), u.exchanges(), u.firstExchange(), u.confidence(),
                    u.profileKey().map(k -> ", device.yaml " + k).orElse(", no profile value"));
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
