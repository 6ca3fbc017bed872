package dev.phonehome.assess.report.html;

import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.assess.report.Html;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The capture over time as an inline SVG: one lane per host in order of first contact, one dot per exchange. */
public final class CaptureTimeline {
    /** Lanes drawn; later hosts share the last lane. */
    static final int MAX_LANES = 20;
    /** Exchanges drawn one by one; a longer capture is drawn in buckets. */
    static final int MAX_DOTS = 1500;
    private static final int BUCKET = 4;
    private static final int WIDTH = 1000;
    private static final int LEFT = 250;
    private static final int RIGHT = 40;
    private static final int LANE = 20;
    private static final int TOP = 10;
    private static final int TICKS = 5;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private record Dot(Instant time, AssessedExchange exchange) {
    }

    private CaptureTimeline() {
    }

    public static void write(Html h, List<AssessedExchange> exchanges, PageIndex index) {
        h.raw("<h3>Timeline of the capture</h3>");
        List<Dot> dots = new ArrayList<>();
        for (AssessedExchange x : exchanges) {
            time(x.exchange().time()).ifPresent(t -> dots.add(new Dot(t, x)));
        }
        if (dots.isEmpty()) {
            h.raw("<p class=\"muted\">No exchange with a readable time was captured.</p>");
            return;
        }
        Map<String, Integer> lanes = new LinkedHashMap<>();
        dots.stream().sorted((a, b) -> a.time().compareTo(b.time()))
                .forEach(d -> lanes.computeIfAbsent(d.exchange().exchange().host(),
                        k -> Math.min(lanes.size(), MAX_LANES - 1)));
        Instant first = dots.stream().map(Dot::time).min(Instant::compareTo).orElseThrow();
        Instant last = dots.stream().map(Dot::time).max(Instant::compareTo).orElseThrow();
        long span = Math.max(1, Duration.between(first, last).toMillis());
        int laneCount = lanes.values().stream().mapToInt(i -> i + 1).max().orElse(1);
        int height = TOP + laneCount * LANE + 42;
        h.raw("<svg id=\"timeline\" class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .raw(WIDTH + " " + height).raw("\" role=\"img\" aria-label=\"").text(dots.size() + " exchanges from "
                        + first + " to " + last).raw("\">");
        List<String> names = new ArrayList<>(lanes.keySet());
        for (int lane = 0; lane < laneCount; lane++) {
            int y = TOP + lane * LANE + LANE / 2;
            String label = lane == MAX_LANES - 1 && names.size() > MAX_LANES ? (names.size() - lane) + " other hosts"
                    : names.get(lane);
            h.raw("<line class=\"lane\" x1=\"").raw(String.valueOf(LEFT)).raw("\" x2=\"").raw(String.valueOf(WIDTH - RIGHT))
                    .raw("\" y1=\"" + y + "\" y2=\"" + y + "\"></line><text class=\"lane-label\" x=\"")
                    .raw(String.valueOf(LEFT - 8)).raw("\" y=\"" + y + "\" text-anchor=\"end\" dominant-baseline=\"middle\">")
                    .text(label, 34).raw("</text>");
        }
        int axis = TOP + laneCount * LANE + 6;
        for (int i = 0; i <= TICKS; i++) {
            double x = LEFT + (WIDTH - LEFT - RIGHT) * i / (double) TICKS;
            Instant t = first.plusMillis(span * i / TICKS);
            h.raw("<line class=\"tick\" x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" + TOP + "\" y2=\"" + axis
                    + "\"></line><text class=\"tick-label\" x=\"" + num(x) + "\" y=\"" + (axis + 14)
                    + "\" text-anchor=\"middle\">").text(CLOCK.format(t)).raw("</text>");
        }
        h.raw("<text class=\"tick-label\" x=\"" + LEFT + "\" y=\"" + (axis + 28) + "\">").text(first + " (UTC)")
                .raw("</text>");
        if (dots.size() <= MAX_DOTS) {
            for (Dot d : dots) {
                exchangeDot(h, d.exchange().exchange(), x(first, span, d.time()), y(lanes, d), index);
            }
        } else {
            buckets(h, dots, first, span, lanes);
        }
        h.raw("</svg>");
        int unreadable = exchanges.size() - dots.size();
        if (unreadable > 0) {
            h.raw("<p class=\"muted\">").text(unreadable + " exchanges have no readable time and are not drawn.")
                    .raw("</p>");
        }
    }

    private static double x(Instant first, long span, Instant t) {
        return LEFT + (WIDTH - LEFT - RIGHT) * Duration.between(first, t).toMillis() / (double) span;
    }

    private static int y(Map<String, Integer> lanes, Dot d) {
        return TOP + lanes.get(d.exchange().exchange().host()) * LANE + LANE / 2;
    }

    /** One dot per exchange, linking to its row when the page lists it. */
    private static void exchangeDot(Html h, ObservedExchange x, double cx, int cy, PageIndex index) {
        String anchor = Anchors.exchange(x.id());
        h.raw(index.has(anchor) ? "<a href=\"" + Anchors.href(anchor) + "\">" : "").raw("<circle class=\"dot ")
                .raw(Labels.jurisdictionClass(x.destination().regime())).raw("\" cx=\"" + num(cx) + "\" cy=\"" + cy
                        + "\" r=\"5\"><title>").text(x.time() + " " + x.method() + " " + x.url(), PageIndex.LONG)
                .raw("</title></circle>").raw(index.has(anchor) ? "</a>" : "");
    }

    /** Past {@link #MAX_DOTS}, one dot per lane and {@link #BUCKET} pixels, its size growing with the count. */
    private static void buckets(Html h, List<Dot> dots, Instant first, long span, Map<String, Integer> lanes) {
        Map<List<Integer>, List<Dot>> buckets = new TreeMap<>(Comparator.comparing((List<Integer> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (Dot d : dots) {
            buckets.computeIfAbsent(List.of(y(lanes, d), (int) (x(first, span, d.time()) / BUCKET)),
                    k -> new ArrayList<>()).add(d);
        }
        buckets.forEach((key, group) -> {
            ObservedExchange x = group.get(0).exchange().exchange();
            double r = Math.min(9, 3 + Math.log(group.size()) / Math.log(2));
            h.raw("<circle class=\"dot ").raw(Labels.jurisdictionClass(x.destination().regime())).raw("\" cx=\""
                    + num(key.get(1) * BUCKET + BUCKET / 2.0) + "\" cy=\"" + key.get(0) + "\" r=\"" + num(r)
                    + "\"><title>").text(group.size() + " exchanges to " + x.host() + " from " + x.time(),
                    PageIndex.LONG).raw("</title></circle>");
        });
    }

    private static Optional<Instant> time(String iso) {
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
