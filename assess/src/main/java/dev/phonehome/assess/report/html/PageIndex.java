package dev.phonehome.assess.report.html;

import dev.phonehome.assess.model.AppEntry;
import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Destination;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.report.Html;
import dev.phonehome.core.finding.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What the sections need to know about each other: which anchors the page defines (so a link is
 * written only when its target exists) and which risks concern each app.
 */
public final class PageIndex {
    /** Code points shown of a name (package, host, label, organisation). */
    public static final int NAME = 120;
    /** Code points shown of a URL, a location or a payload path. */
    public static final int LONG = 300;
    /** Code points shown of a parameter value. */
    public static final int VALUE = 160;
    /** Code points kept of the text the filter searches in an element. */
    public static final int SEARCH = 2000;

    /**
     * Exchanges listed in capture order; as many again are listed because shown evidence cites
     * them, most severe risk first. The JSON has them all; links to the others are plain text.
     */
    public static final int LISTED_EXCHANGES = 1000;
    /** Evidence items shown per risk; the JSON has them all. */
    public static final int SHOWN_EVIDENCE = 20;

    private final Set<String> anchors = new HashSet<>();
    private final List<AssessedExchange> listedExchanges;
    private final Map<String, List<Risk>> risksByApp = new LinkedHashMap<>();

    public PageIndex(Assessment a) {
        for (AppEntry app : a.apps()) {
            anchors.add(Anchors.app(app.id()));
            for (Finding f : app.findings()) {
                anchors.add(Anchors.finding(app.id(), f.fingerprint()));
            }
        }
        Set<String> cited = new HashSet<>();
        a.risks().stream().flatMap(r -> r.evidence().stream().limit(SHOWN_EVIDENCE))
                .flatMap(e -> e.exchange().stream()).distinct().limit(LISTED_EXCHANGES).forEach(cited::add);
        List<AssessedExchange> listed = new ArrayList<>();
        for (AssessedExchange x : a.exchanges()) {
            if (listed.size() < LISTED_EXCHANGES || cited.contains(x.exchange().id())) {
                listed.add(x);
                anchors.add(Anchors.exchange(x.exchange().id()));
            }
        }
        listedExchanges = List.copyOf(listed);
        a.destinations().stream().map(Destination::host).forEach(host -> anchors.add(Anchors.host(host)));
        for (Risk r : a.risks()) {
            anchors.add(Anchors.risk(r.fingerprint()));
            r.apps().forEach(app -> risksByApp.computeIfAbsent(app, k -> new ArrayList<>()).add(r));
        }
    }

    /** The exchanges the page lists, in capture order: the first {@link #LISTED_EXCHANGES} and those shown evidence cites. */
    public List<AssessedExchange> listedExchanges() {
        return listedExchanges;
    }

    /** Whether the page defines {@code anchor}. */
    public boolean has(String anchor) {
        return anchors.contains(anchor);
    }

    public List<Risk> risksOf(String app) {
        return risksByApp.getOrDefault(app, List.of());
    }

    /** A link to {@code anchor} showing {@code text}, or the text alone when the page has no such anchor. */
    public void link(Html h, String anchor, String text, int max) {
        if (has(anchor)) {
            h.raw("<a href=\"").raw(Anchors.href(anchor)).raw("\">").text(text, max).raw("</a>");
        } else {
            h.text(text, max);
        }
    }

    /** Links to the sections of {@code apps}, comma separated. */
    public void appLinks(Html h, List<String> apps) {
        links(h, apps, Anchors::app);
    }

    /** Links to the destination rows of {@code hosts}, comma separated. */
    public void hostLinks(Html h, List<String> hosts) {
        links(h, hosts, Anchors::host);
    }

    private void links(Html h, List<String> values, Function<String, String> anchorOf) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                h.raw(", ");
            }
            h.raw("<span class=\"mono\">");
            link(h, anchorOf.apply(values.get(i)), values.get(i), NAME);
            h.raw("</span>");
        }
    }
}
