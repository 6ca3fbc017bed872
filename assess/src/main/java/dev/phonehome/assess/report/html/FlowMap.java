package dev.phonehome.assess.report.html;

import dev.phonehome.assess.model.Destination;
import dev.phonehome.assess.report.Html;
import dev.phonehome.core.kb.Regime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The observed data flows as an inline SVG Sankey diagram: the device, the organisations that
 * run the destinations, their countries coloured by transfer regime; band widths count exchanges.
 */
public final class FlowMap {
    /** Nodes drawn per column; the rest are merged into one "other" node so the map stays readable. */
    static final int MAX_NODES = 24;
    static final String UNKNOWN_ORGANISATION = "unknown organisation";
    static final String UNKNOWN_COUNTRY = "unknown country";
    private static final int WIDTH = 1100;
    private static final int TOP = 34;
    private static final int GAP = 14;
    private static final int NODE_WIDTH = 14;
    private static final double MIN_BAND = 2;
    private static final double MIN_NODE = 8;
    private static final double DEVICE_X = 160;
    private static final double ORG_X = 430;
    private static final double COUNTRY_X = 760;

    /** Exchanges from one organisation to one country under one regime. */
    record Flow(String organisation, String country, Optional<Regime.Kind> regime, long exchanges) {
    }

    /** A node of a column with its total and the cursors where its next incoming and outgoing bands start. */
    private static final class Node {
        final String name;
        final double x;
        long weight;
        Optional<Regime.Kind> regime = Optional.empty();
        double y;
        double height;
        double in;
        double out;

        Node(String name, double x) {
            this.name = name;
            this.x = x;
        }
    }

    /** A column's distinct nodes, top to bottom, and the node each name is drawn in. */
    private record Column(List<Node> nodes, Map<String, Node> byName) {
    }

    private FlowMap() {
    }

    public static void write(Html h, String device, List<Destination> destinations) {
        h.raw("<h3>Where the data went</h3>");
        List<Flow> flows = flows(destinations);
        if (flows.isEmpty()) {
            h.raw("<p class=\"muted\">No traffic was captured: the map shows observed flows only.</p>");
            return;
        }
        Column orgs = column(flows, Flow::organisation, "other organisations", ORG_X);
        Column countries = column(flows, Flow::country, "other countries", COUNTRY_X);
        long total = flows.stream().mapToLong(Flow::exchanges).sum();
        double unit = Math.min(24, 360.0 / total);
        double orgBottom = layout(orgs, unit);
        double countryBottom = layout(countries, unit);
        double deviceHeight = Math.max(MIN_NODE, orgs.nodes().stream().mapToDouble(n -> band(n.weight, unit)).sum());
        double height = Math.max(Math.max(orgBottom, countryBottom), TOP + deviceHeight) + 12;
        h.raw("<svg id=\"flow-map\" class=\"flow-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .raw(String.valueOf(WIDTH)).raw(' ' + num(height)).raw("\" role=\"img\" aria-label=\"")
                .text("Data flows from " + device + " to " + orgs.nodes().size() + " organisations in " + countries.nodes().size()
                        + " countries", PageIndex.LONG).raw("\">");
        heading(h, DEVICE_X, "device");
        heading(h, ORG_X, "organisation");
        heading(h, COUNTRY_X, "country and regime");
        Node phone = new Node(device, DEVICE_X);
        phone.y = TOP;
        phone.height = deviceHeight;
        for (Node org : orgs.nodes()) {
            band(h, phone, org, org.weight, unit, "flow-out", device + " → " + org.name);
        }
        for (Flow f : merged(flows, orgs, countries)) {
            Node org = orgs.byName().get(f.organisation());
            Node country = countries.byName().get(f.country());
            band(h, org, country, f.exchanges(), unit, Labels.jurisdictionClass(f.regime()),
                    f.organisation() + " → " + f.country() + " (" + Labels.jurisdiction(f.regime()) + ")");
        }
        node(h, phone, "flow-device", device, "end", 26);
        orgs.nodes().forEach(n -> node(h, n, "flow-org", n.name + " · " + exchanges(n.weight), "start", 40));
        countries.nodes().forEach(n -> node(h, n, Labels.jurisdictionClass(n.regime),
                n.name + " · " + Labels.jurisdiction(n.regime) + " · " + exchanges(n.weight), "start", 44));
        h.raw("</svg>");
        Labels.jurisdictionLegend(h);
    }

    static List<Flow> flows(List<Destination> destinations) {
        Map<List<String>, Flow> byKey = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
        for (Destination d : destinations) {
            String org = d.facts().organisationName().orElse(UNKNOWN_ORGANISATION);
            String country = d.facts().country().orElse(UNKNOWN_COUNTRY);
            Optional<Regime.Kind> regime = d.facts().regime();
            byKey.merge(List.of(org, country, regime.map(Enum::name).orElse("")), new Flow(org, country, regime,
                    d.exchanges()), (x, y) -> new Flow(org, country, regime, x.exchanges() + y.exchanges()));
        }
        return List.copyOf(byKey.values());
    }

    /** The column's nodes, heaviest first, the ones past {@link #MAX_NODES} merged into {@code other}. */
    private static Column column(List<Flow> flows, Function<Flow, String> name, String other, double x) {
        Map<String, Node> all = new TreeMap<>();
        for (Flow f : flows) {
            Node n = all.computeIfAbsent(name.apply(f), k -> new Node(k, x));
            n.weight += f.exchanges();
            n.regime = stricter(n.regime, f.regime());
        }
        List<Node> sorted = new ArrayList<>(all.values());
        sorted.sort(Comparator.comparingLong((Node n) -> n.weight).reversed().thenComparing(n -> n.name));
        List<Node> shown = new ArrayList<>();
        Map<String, Node> byName = new LinkedHashMap<>();
        Node rest = new Node(other, x);
        for (int i = 0; i < sorted.size(); i++) {
            Node n = sorted.get(i);
            if (i < MAX_NODES - 1 || sorted.size() == MAX_NODES) {
                shown.add(n);
                byName.put(n.name, n);
            } else {
                rest.weight += n.weight;
                rest.regime = stricter(rest.regime, n.regime);
                byName.put(n.name, rest);
            }
        }
        if (rest.weight > 0) {
            shown.add(rest);
        }
        return new Column(shown, byName);
    }

    /** The flows with merged nodes' names replaced by their "other" node's, summed. */
    private static List<Flow> merged(List<Flow> flows, Column orgs, Column countries) {
        Map<List<String>, Flow> byKey = new LinkedHashMap<>();
        for (Flow f : flows) {
            String org = orgs.byName().get(f.organisation()).name;
            String country = countries.byName().get(f.country()).name;
            byKey.merge(List.of(org, country, f.regime().map(Enum::name).orElse("")),
                    new Flow(org, country, f.regime(), f.exchanges()),
                    (x, y) -> new Flow(org, country, x.regime(), x.exchanges() + y.exchanges()));
        }
        return List.copyOf(byKey.values());
    }

    /** Known regimes rank by restriction; any known regime outranks an unknown one. */
    private static Optional<Regime.Kind> stricter(Optional<Regime.Kind> a, Optional<Regime.Kind> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }

    /** Stacks the distinct nodes of a column from the top; returns the column's bottom. */
    private static double layout(Column column, double unit) {
        double y = TOP;
        for (Node n : column.nodes()) {
            n.y = y;
            n.height = Math.max(MIN_NODE, band(n.weight, unit));
            y += n.height + GAP;
        }
        return y - GAP;
    }

    private static double band(long exchanges, double unit) {
        return Math.max(MIN_BAND, exchanges * unit);
    }

    private static void band(Html h, Node from, Node to, long exchanges, double unit, String cls, String title) {
        double t = band(exchanges, unit);
        double y1 = from.y + Math.min(from.out + t / 2, from.height);
        double y2 = to.y + Math.min(to.in + t / 2, to.height);
        from.out += t;
        to.in += t;
        double x1 = from.x + NODE_WIDTH;
        double x2 = to.x;
        double mid = (x1 + x2) / 2;
        h.raw("<path class=\"band ").raw(cls).raw("\" d=\"M").raw(num(x1)).raw(' ' + num(y1)).raw(" C").raw(num(mid))
                .raw(' ' + num(y1) + ' ' + num(mid) + ' ' + num(y2) + ' ' + num(x2) + ' ' + num(y2))
                .raw("\" stroke-width=\"").raw(num(t)).raw("\"><title>").text(title + ": " + exchanges(exchanges),
                        PageIndex.LONG).raw("</title></path>");
    }

    private static void heading(Html h, double x, String text) {
        h.raw("<text class=\"flow-heading\" x=\"").raw(num(x)).raw("\" y=\"14\">").text(text).raw("</text>");
    }

    private static void node(Html h, Node n, String cls, String label, String anchor, int max) {
        double x = n.x;
        h.raw("<g class=\"node ").raw(cls).raw("\"><rect x=\"").raw(num(x)).raw("\" y=\"").raw(num(n.y))
                .raw("\" width=\"").raw(String.valueOf(NODE_WIDTH)).raw("\" height=\"").raw(num(n.height))
                .raw("\"></rect><text x=\"").raw(num(anchor.equals("end") ? x - 6 : x + NODE_WIDTH + 6))
                .raw("\" y=\"").raw(num(n.y + n.height / 2)).raw("\" text-anchor=\"").raw(anchor)
                .raw("\" dominant-baseline=\"middle\">").text(label, max).raw("<title>").text(label, PageIndex.LONG)
                .raw("</title></text></g>");
    }

    private static String exchanges(long n) {
        return n + (n == 1 ? " exchange" : " exchanges");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
