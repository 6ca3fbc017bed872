package dev.phonehome.assess.report.html;

import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.Destination;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.assess.observe.PersonalData;
import dev.phonehome.assess.report.Html;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which personal data went to which destination: one row per host, one column per data type, cells count exchanges. */
public final class PersonalDataMatrix {
    private PersonalDataMatrix() {
    }

    public static void write(Html h, List<AssessedExchange> exchanges, List<Destination> destinations, PageIndex index) {
        h.raw("<section id=\"personal-data\"><h2>Personal data by destination</h2>");
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        TreeSet<String> types = new TreeSet<>();
        for (AssessedExchange a : exchanges) {
            ObservedExchange x = a.exchange();
            x.personalData().stream().map(PersonalData::type).distinct().forEach(type -> {
                types.add(type);
                counts.computeIfAbsent(x.host(), k -> new TreeMap<>()).merge(type, 1L, Long::sum);
            });
        }
        if (counts.isEmpty()) {
            h.raw("<p class=\"muted\">No personal data was recognised in the captured requests.</p></section>\n");
            return;
        }
        Map<String, Destination> byHost = new TreeMap<>();
        destinations.forEach(d -> byHost.put(d.host(), d));
        h.raw("<table class=\"matrix\"><thead><tr><th>destination</th><th>jurisdiction</th>");
        types.forEach(t -> h.raw("<th class=\"num\">").text(t, PageIndex.NAME).raw("</th>"));
        h.raw("</tr></thead><tbody>");
        counts.forEach((host, row) -> {
            Destination d = byHost.get(host);
            h.raw("<tr data-search=\"").text(host + " " + String.join(" ", row.keySet()), PageIndex.SEARCH).raw("\"><td class=\"mono\">");
            index.link(h, Anchors.host(host), host, PageIndex.NAME);
            h.raw("</td><td>");
            if (d != null) {
                h.raw("<i class=\"swatch ").raw(Labels.jurisdictionClass(d.facts().regime())).raw("\"></i>")
                        .text(d.facts().country().orElse("?") + " " + Labels.jurisdiction(d.facts().regime()));
            }
            h.raw("</td>");
            for (String type : types) {
                Long n = row.get(type);
                h.raw(n == null ? "<td class=\"num empty\">·</td>" : "<td class=\"num hit\">" + n + "</td>");
            }
            h.raw("</tr>");
        });
        h.raw("</tbody></table><p class=\"muted\">Cells count the exchanges to the host carrying that data type.</p></section>\n");
    }
}
