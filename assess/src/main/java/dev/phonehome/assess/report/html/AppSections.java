package dev.phonehome.assess.report.html;

import dev.phonehome.assess.model.AppEntry;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.report.Html;
import dev.phonehome.core.finding.Evidence;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import java.util.List;

/** One section per app: its facts, the SDKs in its code, the risks naming it and every static finding with evidence. */
public final class AppSections {
    private AppSections() {
    }

    public static void write(Html h, List<AppEntry> apps, PageIndex index) {
        h.raw("<section id=\"apps\"><h2>Apps</h2>");
        if (apps.isEmpty()) {
            h.raw("<p class=\"muted\">No firmware was scanned.</p>");
        }
        for (AppEntry app : apps) {
            app(h, app, index);
        }
        h.raw("</section>\n");
    }

    private static void app(Html h, AppEntry app, PageIndex index) {
        List<Risk> risks = index.risksOf(app.id());
        Severity top = risks.stream().filter(Risk::open).map(Risk::severity).max(Enum::compareTo).orElse(Severity.INFO);
        h.raw("<section class=\"app\" id=\"").raw(Anchors.app(app.id())).raw("\" data-severity=\"").raw(top.name())
                .raw("\" data-search=\"").text(String.join(" ", app.id(), app.label().orElse(""),
                        String.join(" ", app.trackers()), String.join(" ", app.locations())), PageIndex.SEARCH)
                .raw("\"><h3><span class=\"mono\">").text(app.id(), PageIndex.NAME).raw("</span> ")
                .text(app.label().orElse(""), PageIndex.NAME).raw("</h3><table class=\"facts\"><tbody>");
        app.version().ifPresent(v -> Facts.row(h, "version", v));
        Facts.row(h, "partition", app.partition());
        Facts.row(h, "privileges", app.privileges().isEmpty() ? "none (user app)" : String.join("\n", app.privileges()));
        Facts.row(h, "locations", String.join("\n", app.locations()));
        Facts.row(h, "SHA-256", app.sha256());
        Facts.row(h, "trackers in its code", app.trackers().isEmpty() ? "none" : String.join("\n", trackers(app)));
        h.raw("</tbody></table>");
        risks(h, risks, index);
        findings(h, app);
        h.raw("</section>\n");
    }

    /** "Sensors Analytics (Sensors Data, CN)" from the tracker findings' attributes, else the id. */
    private static List<String> trackers(AppEntry app) {
        return app.trackers().stream().map(id -> app.findings().stream()
                .filter(f -> f.rule().equals("tracker.sdk") && id.equals(f.attributes().get("tracker")))
                .findFirst()
                .map(f -> f.attributes().getOrDefault("name", id) + " (" + String.join(", ",
                        f.attributes().getOrDefault("organisation", "organisation unknown"),
                        f.attributes().getOrDefault("country", "country unknown")) + ")")
                .orElse(id)).toList();
    }

    private static void risks(Html h, List<Risk> risks, PageIndex index) {
        if (risks.isEmpty()) {
            return;
        }
        h.raw("<p><b>Risks</b></p><ul class=\"evidence\">");
        for (Risk r : risks) {
            h.raw("<li>");
            Labels.severity(h, r.severity());
            h.raw(" <span class=\"mono\">").text(r.id()).raw("</span> ");
            index.link(h, Anchors.risk(r.fingerprint()), r.title(), PageIndex.LONG);
            h.raw(r.open() ? "" : " <span class=\"tag\">suppressed</span>").raw("</li>");
        }
        h.raw("</ul>");
    }

    private static void findings(Html h, AppEntry app) {
        if (app.findings().isEmpty()) {
            h.raw("<p class=\"muted\">No static findings.</p>");
            return;
        }
        h.raw("<table class=\"findings\"><thead><tr><th>severity</th><th>finding and evidence</th><th>level</th>")
                .raw("<th>rule</th></tr></thead><tbody>");
        for (Finding f : app.findings()) {
            h.raw("<tr id=\"").raw(Anchors.finding(app.id(), f.fingerprint())).raw("\"><td>");
            Labels.severity(h, f.severity());
            h.raw("</td><td><b>").text(f.title(), PageIndex.LONG).raw("</b><ul class=\"evidence\">");
            for (Evidence e : f.evidence()) {
                h.raw("<li><span class=\"tag\">").text(e.kind()).raw("</span> <code>").text(e.location(), PageIndex.LONG)
                        .raw("</code> ").text(e.detail(), PageIndex.LONG).raw("</li>");
            }
            h.raw("</ul></td><td>").text(Labels.level(f.level())).raw("</td><td class=\"mono\">").text(f.rule())
                    .raw("<br><span class=\"muted\">").text(f.fingerprint()).raw("</span></td></tr>");
        }
        h.raw("</tbody></table>");
    }
}
