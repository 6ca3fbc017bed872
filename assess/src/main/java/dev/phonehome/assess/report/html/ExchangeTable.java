package dev.phonehome.assess.report.html;

import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.Link;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.assess.observe.Parameter;
import dev.phonehome.assess.observe.PersonalData;
import dev.phonehome.assess.report.Html;
import dev.phonehome.core.Problem;
import java.util.List;

/** Every exchange in capture order, with why it is linked to an app, its decoding problems and its decoded parameters (the evidence risks cite). */
public final class ExchangeTable {
    /** Parameters listed per exchange; the JSON has them all. */
    static final int MAX_PARAMETERS = 40;

    private ExchangeTable() {
    }

    public static void write(Html h, int total, PageIndex index) {
        List<AssessedExchange> exchanges = index.listedExchanges();
        if (exchanges.isEmpty()) {
            return;
        }
        h.raw("<h3>Exchanges</h3>");
        if (exchanges.size() < total) {
            h.raw("<p class=\"muted\">").text("Listed: the " + exchanges.size() + " exchanges that risks cite or that "
                    + "came first, of " + total + "; assessment.json has them all.").raw("</p>");
        }
        h.raw("<table class=\"exchanges\"><thead><tr><th>time</th><th>request</th><th>app</th>")
                .raw("<th>level</th><th>links, personal data and parameters</th></tr></thead><tbody>");
        for (AssessedExchange a : exchanges) {
            ObservedExchange x = a.exchange();
            h.raw("<tr id=\"").raw(Anchors.exchange(x.id())).raw("\" data-search=\"")
                    .text(String.join(" ", x.id(), x.host(), x.url(), a.app().orElse(""), x.capture()), PageIndex.SEARCH)
                    .raw("\"><td class=\"mono\">").text(x.time(), PageIndex.NAME).raw("<br><span class=\"muted\">")
                    .text(x.id()).raw("</span></td><td class=\"mono\">").text(x.method(), 16).raw(" ")
                    .text(x.url(), PageIndex.LONG).raw("<br><span class=\"muted\">").text(x.server(), PageIndex.NAME)
                    .raw(x.status() == 0 ? "" : " → " + x.status()).raw("</span></td><td>");
            index.appLinks(h, a.app().stream().toList());
            h.raw("</td><td>").text(Labels.level(a.level())).raw("</td><td><ul class=\"evidence\">");
            for (Link l : a.links()) {
                h.raw("<li><span class=\"tag\">").text(l.basis().name().toLowerCase(java.util.Locale.ROOT))
                        .raw("</span> ").text(l.evidence(), PageIndex.LONG).raw("</li>");
            }
            for (PersonalData pd : x.personalData()) {
                h.raw("<li><span class=\"tag pd\">").text(pd.type(), PageIndex.NAME).raw("</span> ").text(pd.form(), PageIndex.NAME).raw(" at <code>")
                        .text(pd.path(), PageIndex.LONG).raw("</code></li>");
            }
            for (Problem p : x.problems()) {
                h.raw("<li><span class=\"tag\">problem</span> <code>").text(p.code(), PageIndex.NAME).raw("</code> ")
                        .text(p.message(), PageIndex.LONG).raw("</li>");
            }
            h.raw("</ul>");
            parameters(h, x.parameters());
            h.raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }

    private static void parameters(Html h, List<Parameter> parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        h.raw("<details><summary>").text(parameters.size() + (parameters.size() == 1 ? " parameter" : " parameters"))
                .raw("</summary><ul class=\"evidence\">");
        parameters.stream().limit(MAX_PARAMETERS).forEach(p -> h.raw("<li><code>").text(p.path(), PageIndex.LONG)
                .raw("</code> = <code>").text(p.value(), PageIndex.VALUE).raw("</code>")
                .raw(p.opaque() ? " <span class=\"tag\">encrypted</span>" : "").raw("</li>"));
        if (parameters.size() > MAX_PARAMETERS) {
            h.raw("<li class=\"muted\">").text((parameters.size() - MAX_PARAMETERS) + " more in the JSON")
                    .raw("</li>");
        }
        h.raw("</ul></details>");
    }
}
