package dev.phonehome.assess.report.html;

import dev.phonehome.assess.model.AppEntry;
import dev.phonehome.assess.model.Destination;
import dev.phonehome.assess.report.Html;
import dev.phonehome.core.finding.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Trackers grouped by the organisation behind them and its country: which apps embed their
 * SDKs (static tracker findings) and which of their hosts the capture shows contacted.
 */
public final class TrackersByOrganisation {
    private TrackersByOrganisation() {
    }

    /** One organisation in one country, with what was seen of it. */
    private static final class Row {
        final TreeSet<String> trackers = new TreeSet<>();
        final TreeSet<String> apps = new TreeSet<>();
        final TreeSet<String> hosts = new TreeSet<>();
        final TreeSet<String> jurisdictions = new TreeSet<>();
        long exchanges;
    }

    public static void write(Html h, List<AppEntry> apps, List<Destination> destinations, PageIndex index) {
        Map<List<String>, Row> rows = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
        for (AppEntry app : apps) {
            for (Finding f : app.findings()) {
                if (f.rule().equals("tracker.sdk")) {
                    Row row = row(rows, Optional.ofNullable(f.attributes().get("organisation")),
                            Optional.ofNullable(f.attributes().get("country")));
                    row.trackers.add(f.attributes().getOrDefault("name", f.attributes().getOrDefault("tracker", "")));
                    row.apps.add(app.id());
                }
            }
        }
        for (Destination d : destinations) {
            if (d.trackers().isEmpty() && d.facts().organisationName().isEmpty()) {
                continue;
            }
            Row row = row(rows, d.facts().organisationName(), d.facts().organisationCountry());
            row.trackers.addAll(d.trackers());
            row.hosts.add(d.host());
            row.jurisdictions.add(Labels.jurisdiction(d.facts().regime()));
            row.exchanges += d.exchanges();
        }
        h.raw("<section id=\"trackers\"><h2>Trackers by organisation and country</h2>");
        if (rows.isEmpty()) {
            h.raw("<p class=\"muted\">No tracker SDK in the apps' code and no tracker host in the traffic.</p></section>\n");
            return;
        }
        h.raw("<table><thead><tr><th>organisation</th><th>country</th><th>trackers</th><th>embedded in apps</th>")
                .raw("<th>hosts contacted</th><th>exchanges</th><th>jurisdiction</th></tr></thead><tbody>");
        rows.forEach((key, row) -> {
            h.raw("<tr data-search=\"").text(String.join(" ", key) + " " + String.join(" ", row.trackers) + " "
                    + String.join(" ", row.apps) + " " + String.join(" ", row.hosts), PageIndex.SEARCH).raw("\"><td>")
                    .text(key.get(0), PageIndex.NAME).raw("</td><td>").text(key.get(1), PageIndex.NAME).raw("</td><td>")
                    .text(String.join(", ", row.trackers), PageIndex.LONG).raw("</td><td>");
            index.appLinks(h, List.copyOf(row.apps));
            h.raw("</td><td>");
            index.hostLinks(h, List.copyOf(row.hosts));
            h.raw("</td><td class=\"num\">").text(row.exchanges).raw("</td><td>")
                    .text(row.jurisdictions.isEmpty() ? "not observed" : String.join(", ", row.jurisdictions))
                    .raw("</td></tr>");
        });
        h.raw("</tbody></table></section>\n");
    }

    private static Row row(Map<List<String>, Row> rows, Optional<String> organisation, Optional<String> country) {
        return rows.computeIfAbsent(List.of(organisation.orElse("unknown organisation"),
                country.orElse("unknown")), k -> new Row());
    }
}
