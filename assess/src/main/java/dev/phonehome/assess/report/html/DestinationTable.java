package dev.phonehome.assess.report.html;

import dev.phonehome.assess.model.Destination;
import dev.phonehome.assess.observe.DestinationFacts;
import dev.phonehome.assess.report.Html;
import java.util.List;

/** Every destination host: who runs it, where, under which regime, which apps sent what. */
public final class DestinationTable {
    private DestinationTable() {
    }

    public static void write(Html h, List<Destination> destinations, PageIndex index) {
        if (destinations.isEmpty()) {
            return;
        }
        h.raw("<h3>Destinations</h3><table class=\"destinations\"><thead><tr><th>host</th><th>organisation</th>")
                .raw("<th>country</th><th>jurisdiction</th><th>exchanges</th><th>apps</th><th>trackers</th>")
                .raw("<th>personal data</th><th>level</th><th>first seen</th></tr></thead><tbody>");
        for (Destination d : destinations) {
            DestinationFacts f = d.facts();
            h.raw("<tr id=\"").raw(Anchors.host(d.host())).raw("\" data-search=\"")
                    .text(String.join(" ", d.host(), f.organisationName().orElse(""), f.country().orElse(""),
                            String.join(" ", d.apps()), String.join(" ", d.trackers()), String.join(" ", d.personalData())), PageIndex.SEARCH)
                    .raw("\"><td class=\"mono\">").text(d.host(), PageIndex.NAME).raw("</td><td>")
                    .text(f.organisationName().orElse("unknown"), PageIndex.NAME).raw("</td><td>")
                    .text(f.country().orElse("unknown"), PageIndex.NAME).raw(f.locationUncertain() && f.country().isPresent()
                            ? "<br><span class=\"muted\">headquarters; servers not located</span>" : "")
                    .raw("</td><td>");
            jurisdiction(h, f);
            h.raw("</td><td class=\"num\">").text(d.exchanges()).raw("</td><td>");
            index.appLinks(h, d.apps());
            h.raw("</td><td class=\"mono\">").text(String.join(", ", d.trackers()), PageIndex.LONG)
                    .raw("</td><td>").text(String.join(", ", d.personalData()), PageIndex.LONG).raw("</td><td>")
                    .text(Labels.level(d.level())).raw("</td><td class=\"mono\">").text(d.firstSeen(), PageIndex.NAME)
                    .raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }

    private static void jurisdiction(Html h, DestinationFacts f) {
        h.raw("<i class=\"swatch ").raw(Labels.jurisdictionClass(f.regime())).raw("\"></i>")
                .text(Labels.jurisdiction(f.regime()));
        f.regimeCondition().ifPresent(c -> h.raw("<br><span class=\"muted\">").text(c, PageIndex.LONG).raw("</span>"));
    }
}
