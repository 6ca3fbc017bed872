package dev.phonehome.assess.report.html;

import dev.phonehome.assess.model.RuleInfo;
import dev.phonehome.assess.report.Html;
import dev.phonehome.core.Problem;
import java.util.List;

/** The appendix: every rule evaluated with its rationale and sources, and the problems met reading the inputs. */
public final class RulesAndProblems {
    private RulesAndProblems() {
    }

    public static void write(Html h, List<RuleInfo> rules, List<Problem> problems) {
        h.raw("<section id=\"rules\"><h2>Risk rules</h2><table class=\"rules\"><thead><tr><th>ID</th><th>rule</th>")
                .raw("<th>base severity</th><th>rationale and sources</th></tr></thead><tbody>");
        for (RuleInfo r : rules) {
            h.raw("<tr data-search=\"").text(r.id() + " " + r.title(), PageIndex.SEARCH).raw("\"><td class=\"mono\">").text(r.id())
                    .raw("</td><td>").text(r.title(), PageIndex.LONG).raw("<br><span class=\"muted\">")
                    .text(Labels.category(r.category())).raw("</span></td><td>");
            Labels.severity(h, r.severity());
            h.raw("</td><td>").text(r.rationale(), PageIndex.LONG * 3).raw("<ul class=\"evidence\">");
            for (RuleInfo.Reference ref : r.references()) {
                h.raw("<li>").text(ref.title(), PageIndex.LONG).raw(" <span class=\"mono muted\">")
                        .text(ref.url(), PageIndex.LONG).raw("</span></li>");
            }
            h.raw("</ul></td></tr>");
        }
        h.raw("</tbody></table></section>\n<section id=\"problems\"><h2>Problems met reading the inputs</h2>");
        if (problems.isEmpty()) {
            h.raw("<p class=\"muted\">None.</p>");
        } else {
            h.raw("<ul class=\"evidence\">");
            for (Problem p : problems) {
                h.raw("<li><code>").text(p.code(), PageIndex.NAME).raw("</code> <code>").text(p.subject(), PageIndex.LONG)
                        .raw("</code> ").text(p.message(), PageIndex.LONG).raw("</li>");
            }
            h.raw("</ul>");
        }
        h.raw("</section>\n");
    }
}
