package dev.phonehome.assess.report.html;

import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.model.RiskEvidence;
import dev.phonehome.assess.model.Score;
import dev.phonehome.assess.report.Html;
import java.util.List;

/**
 * The risk register: one {@code tbody} per risk (a summary row and an evidence row, so the
 * filters hide both together), each evidence item linking down to the app's finding or the exchange.
 */
public final class RiskRegister {
    private RiskRegister() {
    }

    public static void write(Html h, List<Risk> risks, PageIndex index) {
        h.raw("<section id=\"risks\"><h2>Risk register</h2>");
        if (risks.isEmpty()) {
            h.raw("<p class=\"muted\">No risk rule matched.</p></section>\n");
            return;
        }
        h.raw("<table class=\"register\"><thead><tr><th>ID</th><th>risk</th><th>severity</th><th>category</th>")
                .raw("<th>affected</th><th>status</th></tr></thead>");
        for (Risk r : risks) {
            risk(h, r, index);
        }
        h.raw("</table></section>\n");
    }

    private static void risk(Html h, Risk r, PageIndex index) {
        h.raw("<tbody class=\"risk").raw(r.open() ? "" : " suppressed").raw("\" id=\"").raw(Anchors.risk(r.fingerprint()))
                .raw("\" data-severity=\"").raw(r.severity().name()).raw("\" data-search=\"")
                .text(String.join(" ", r.id(), r.title(), r.subject(), r.category().name(), r.severity().name(),
                        String.join(" ", r.apps()), String.join(" ", r.destinations())), PageIndex.SEARCH)
                .raw("\"><tr><td class=\"mono\">").text(r.id()).raw("<br><span class=\"muted\">").text(r.fingerprint())
                .raw("</span></td><td><b>").text(r.title(), PageIndex.LONG).raw("</b><br><span class=\"tag\">")
                .text(Labels.level(r.level())).raw("</span></td><td>");
        Labels.severity(h, r.severity());
        h.raw("<br><span class=\"muted\">").text(score(r.score())).raw("</span></td><td>").text(Labels.category(r.category()))
                .raw("</td><td>");
        index.appLinks(h, r.apps());
        if (!r.apps().isEmpty() && !r.destinations().isEmpty()) {
            h.raw("<br>");
        }
        index.hostLinks(h, r.destinations());
        h.raw("</td><td>");
        if (r.open()) {
            h.raw("open");
        } else {
            h.raw("<b>suppressed</b>: ").text(r.suppression().orElse(""), PageIndex.LONG);
        }
        h.raw("</td></tr><tr class=\"detail\"><td></td><td colspan=\"5\"><ul class=\"evidence\">");
        r.evidence().stream().limit(PageIndex.SHOWN_EVIDENCE).forEach(e -> evidence(h, e, index));
        if (r.evidence().size() > PageIndex.SHOWN_EVIDENCE) {
            h.raw("<li class=\"muted\">").text((r.evidence().size() - PageIndex.SHOWN_EVIDENCE)
                    + " more evidence items in assessment.json").raw("</li>");
        }
        h.raw("</ul><p><b>What would lower it:</b> ").text(r.lowerBy(), PageIndex.LONG * 2).raw("</p></td></tr></tbody>\n");
    }

    /** How the severity was reached, e.g. "base MEDIUM 2, privileged_app +1: 3 points". */
    static String score(Score s) {
        StringBuilder b = new StringBuilder("base ").append(s.base().name()).append(' ').append(s.base().ordinal());
        for (Score.Factor f : s.factors()) {
            b.append(", ").append(f.factor()).append(' ').append(f.weight() < 0 ? "" : "+").append(f.weight());
        }
        return b.append(": ").append(s.points()).append(s.points() == 1 ? " point" : " points").toString();
    }

    private static void evidence(Html h, RiskEvidence e, PageIndex index) {
        h.raw("<li><span class=\"tag\">").text(Labels.level(e.level())).raw("</span><span class=\"tag\">").text(e.kind())
                .text(e.exchange().map(x -> " " + x).orElse(""), PageIndex.NAME).raw("</span> <code>");
        String anchor = e.exchange().map(Anchors::exchange)
                .or(() -> e.finding().flatMap(f -> e.app().map(app -> Anchors.finding(app, f))))
                .orElse("");
        index.link(h, anchor, e.location(), PageIndex.LONG);
        h.raw("</code>");
        e.path().ifPresent(p -> h.raw(" <span class=\"muted\">at</span> <code>").text(p, PageIndex.LONG).raw("</code>"));
        h.raw(" <span class=\"muted mono\">").text(e.rule()).raw("</span><br>").text(e.detail(), PageIndex.LONG * 2)
                .raw("</li>");
    }
}
