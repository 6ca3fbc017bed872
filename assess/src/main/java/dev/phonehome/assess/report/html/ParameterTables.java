package dev.phonehome.assess.report.html;

import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.ParameterUse;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.assess.observe.PersonalData;
import dev.phonehome.assess.report.Html;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One table per destination host (parameters seen in traffic) and per SDK an app calls (constant
 * keys in its code): parameter, the standard property recognised at that path, an example, count.
 */
public final class ParameterTables {
    /** Rows listed per table; the JSON has them all. */
    static final int MAX_ROWS = 200;
    /** Rows listed over all tables, so a capture with thousands of hosts still gives a page a browser opens. */
    static final int MAX_TOTAL_ROWS = 2000;

    private ParameterTables() {
    }

    public static void write(Html h, List<ParameterUse> parameters, List<AssessedExchange> exchanges, PageIndex index) {
        h.raw("<section id=\"parameters\"><h2>Parameters sent</h2>");
        if (parameters.isEmpty()) {
            h.raw("<p class=\"muted\">No parameters were seen in traffic or passed to analytics SDKs.</p></section>\n");
            return;
        }
        Map<String, Map<String, TreeSet<String>>> properties = properties(exchanges);
        Map<String, List<ParameterUse>> groups = new LinkedHashMap<>();
        for (ParameterUse p : parameters) {
            groups.computeIfAbsent(group(p), k -> new java.util.ArrayList<>()).add(p);
        }
        int left = MAX_TOTAL_ROWS;
        int skipped = 0;
        for (Map.Entry<String, List<ParameterUse>> g : groups.entrySet()) {
            List<ParameterUse> uses = g.getValue();
            int shown = Math.min(uses.size(), Math.min(MAX_ROWS, left));
            if (shown > 0) {
                table(h, g.getKey(), uses.subList(0, shown), properties, index);
            }
            if (shown < uses.size()) {
                skipped += uses.size() - shown;
                if (shown > 0) {
                    h.raw("<p class=\"muted\">").text((uses.size() - shown) + " more parameters in assessment.json.")
                            .raw("</p>");
                }
            }
            left -= shown;
        }
        if (left == 0 && skipped > 0) {
            h.raw("<p class=\"muted\">").text("The page lists " + MAX_TOTAL_ROWS + " parameters; " + skipped
                    + " more are in assessment.json.").raw("</p>");
        }
        h.raw("</section>\n");
    }

    private static void table(Html h, String title, List<ParameterUse> uses,
                              Map<String, Map<String, TreeSet<String>>> properties, PageIndex index) {
        h.raw("<h3>").text(title, PageIndex.LONG).raw("</h3><table class=\"parameters\"><thead><tr><th>parameter</th>")
                .raw("<th>standard property</th><th>example value</th><th>count</th><th>path</th><th>app</th>")
                .raw("</tr></thead><tbody>");
        for (ParameterUse p : uses) {
            TreeSet<String> property = p.host().map(host -> properties.getOrDefault(host, Map.of())
                    .getOrDefault(p.path(), new TreeSet<>())).orElse(new TreeSet<>());
            h.raw("<tr data-search=\"").text(String.join(" ", title, p.name(), p.path(), p.example().orElse(""),
                            String.join(" ", property)), PageIndex.SEARCH)
                    .raw("\"><td class=\"mono\">").text(p.name(), PageIndex.NAME).raw("</td><td>")
                    .text(String.join(", ", property), PageIndex.LONG).raw("</td><td class=\"mono\">")
                    .text(p.example().orElse(""), PageIndex.VALUE).raw("</td><td class=\"num\">").text(p.count())
                    .raw("</td><td class=\"mono\">").text(p.path(), PageIndex.LONG).raw("</td><td>");
            index.appLinks(h, p.app().stream().toList());
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }

    private static String group(ParameterUse p) {
        if (p.source().equals("traffic")) {
            return "Sent to " + p.host().orElse("unknown host") + p.tracker().map(t -> " (" + t + ")").orElse("");
        }
        return "Passed to " + p.tracker().orElse("an analytics SDK") + " by app code"
                + p.app().map(a -> " of " + a).orElse("");
    }

    /** host → payload path → personal-data types (with the form when not plain) recognised there. */
    static Map<String, Map<String, TreeSet<String>>> properties(List<AssessedExchange> exchanges) {
        Map<String, Map<String, TreeSet<String>>> out = new TreeMap<>();
        for (AssessedExchange a : exchanges) {
            ObservedExchange x = a.exchange();
            for (PersonalData pd : x.personalData()) {
                out.computeIfAbsent(x.host(), k -> new TreeMap<>()).computeIfAbsent(pd.path(), k -> new TreeSet<>())
                        .add(pd.form().equals("plain") ? pd.type() : pd.type() + " (" + pd.form() + ")");
            }
        }
        return out;
    }
}
