package dev.phonehome.assess.report.html;

import dev.phonehome.assess.device.DeviceDescription;
import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Inputs;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.model.RiskCategory;
import dev.phonehome.assess.model.Summary;
import dev.phonehome.assess.report.Html;
import dev.phonehome.core.finding.Severity;
import java.util.List;
import java.util.Map;

/** The first screen: the device, what was assessed, counts by severity and category, the top risks in plain words. */
public final class ExecutiveSummary {
    /** Open risks spelled out at the top. */
    static final int TOP_RISKS = 5;

    private ExecutiveSummary() {
    }

    public static void write(Html h, Assessment a, PageIndex index) {
        h.raw("<section id=\"summary\"><h2>Executive summary</h2><div class=\"columns\"><div><h3>Device</h3>");
        device(h, a);
        h.raw("</div><div><h3>Inputs</h3>");
        inputs(h, a.inputs(), a.exchanges());
        h.raw("</div></div>");
        counts(h, a.summary());
        topRisks(h, a.risks(), index);
        h.raw("</section>\n");
    }

    private static void device(Html h, Assessment a) {
        if (a.device().isEmpty()) {
            h.raw("<p class=\"muted\">No device description was given.</p>");
            return;
        }
        DeviceDescription d = a.device().get();
        h.raw("<table class=\"facts\"><tbody>");
        Facts.row(h, "device", d.name());
        d.build().ifPresent(b -> Facts.row(h, "build", b));
        d.region().ifPresent(r -> Facts.row(h, "region", r));
        Facts.row(h, "consent at capture", d.consent().isEmpty() ? "not recorded"
                : String.join("\n", d.consent().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList()));
        h.raw("</tbody></table>");
    }

    private static void inputs(Html h, Inputs in, List<AssessedExchange> exchanges) {
        h.raw("<table class=\"facts\"><tbody>");
        Facts.row(h, "firmware", in.firmware().orElse("none"));
        Facts.row(h, "captures", in.captures().isEmpty() ? "none" : String.join("\n", in.captures()));
        List<String> times = exchanges.stream().map(x -> x.exchange().time()).sorted().toList();
        if (!times.isEmpty()) {
            Facts.row(h, "captured", times.get(0) + " to " + times.get(times.size() - 1));
        }
        Facts.row(h, "transfers judged on", in.asOf());
        Facts.row(h, "knowledge base", in.knowledgeBase());
        Facts.row(h, "risk rules", in.rules());
        h.raw("</tbody></table><p class=\"muted\">Each app's SHA-256 is in its section under Apps.</p>");
    }

    private static void counts(Html h, Summary s) {
        h.raw("<div class=\"cards\">");
        card(h, "open risks", s.openRisks(), "");
        card(h, "suppressed risks", s.suppressedRisks(), "");
        for (Severity sev : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            card(h, sev.name().toLowerCase(java.util.Locale.ROOT), s.risksBySeverity().getOrDefault(sev.name(), 0),
                    " card-" + sev.name());
        }
        card(h, "apps", s.apps(), "");
        card(h, "exchanges (linked to an app)", s.exchanges() + " (" + s.linkedExchanges() + ")", "");
        card(h, "destinations", s.destinations(), "");
        h.raw("</div><table class=\"categories\"><thead><tr><th>category</th><th>open risks</th></tr></thead><tbody>");
        Map<String, Integer> byCategory = s.risksByCategory();
        for (RiskCategory c : RiskCategory.values()) {
            h.raw("<tr><td>").text(Labels.category(c)).raw("</td><td class=\"num\">")
                    .text(byCategory.getOrDefault(c.name(), 0)).raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }

    private static void card(Html h, String label, Object value, String cls) {
        h.raw("<div class=\"card").raw(cls).raw("\"><b>").text(value).raw("</b>").text(label).raw("</div>");
    }

    private static void topRisks(Html h, List<Risk> risks, PageIndex index) {
        List<Risk> top = risks.stream().filter(Risk::open).limit(TOP_RISKS).toList();
        h.raw("<h3>Top risks</h3>");
        if (top.isEmpty()) {
            h.raw("<p class=\"muted\">No open risks.</p>");
            return;
        }
        h.raw("<ol class=\"top-risks\">");
        for (Risk r : top) {
            h.raw("<li>");
            Labels.severity(h, r.severity());
            h.raw(" <b>");
            index.link(h, Anchors.risk(r.fingerprint()), r.title(), PageIndex.LONG);
            h.raw("</b>. ");
            if (!r.apps().isEmpty()) {
                h.raw("Affects ");
                index.appLinks(h, r.apps());
                h.raw(". ");
            }
            h.raw("To lower it: ").text(r.lowerBy(), PageIndex.LONG).raw("</li>");
        }
        h.raw("</ol>");
    }
}
