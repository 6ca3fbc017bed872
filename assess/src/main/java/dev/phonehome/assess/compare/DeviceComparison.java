package dev.phonehome.assess.compare;

import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Destination;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.model.RiskCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds a {@link Comparison}: open risks by category (with the highest severity), trackers
 * embedded, destinations by transfer regime, personal data sent, and the sizes of each input.
 */
public final class DeviceComparison {
    private DeviceComparison() {
    }

    /** @param named assessments by column heading, in column order */
    public static Comparison of(Map<String, Assessment> named) {
        List<String> devices = new ArrayList<>(named.keySet());
        List<Assessment> all = new ArrayList<>(named.values());
        List<Comparison.Row> rows = new ArrayList<>();
        for (RiskCategory c : RiskCategory.values()) {
            rows.add(row("risks by category", c.name(), all, a -> risks(a, c)));
        }
        section(rows, "trackers embedded (apps)", all, a -> a.summary().trackers().keySet(),
                (a, t) -> count(a.summary().trackers().getOrDefault(t, 0)));
        section(rows, "destinations by regime (hosts)", all,
                a -> regimes(a).keySet(), (a, r) -> count(regimes(a).getOrDefault(r, 0)));
        section(rows, "personal data sent (destinations)", all, a -> personalData(a).keySet(),
                (a, t) -> count(personalData(a).getOrDefault(t, 0)));
        rows.add(row("inputs", "apps", all, a -> String.valueOf(a.summary().apps())));
        rows.add(row("inputs", "exchanges", all, a -> String.valueOf(a.summary().exchanges())));
        rows.add(row("inputs", "suppressed risks", all, a -> String.valueOf(a.summary().suppressedRisks())));
        return new Comparison(Comparison.SCHEMA, devices, rows);
    }

    private static String risks(Assessment a, RiskCategory c) {
        List<Risk> open = a.risks().stream().filter(r -> r.open() && r.category() == c).toList();
        return open.isEmpty() ? "-" : open.size() + " (max " + open.stream().map(Risk::severity)
                .max(Enum::compareTo).orElseThrow() + ")";
    }

    private static Map<String, Integer> regimes(Assessment a) {
        Map<String, Integer> out = new TreeMap<>();
        for (Destination d : a.destinations()) {
            out.merge(d.facts().regime().map(Enum::name).orElse("UNKNOWN"), 1, Integer::sum);
        }
        return out;
    }

    private static Map<String, Integer> personalData(Assessment a) {
        Map<String, Integer> out = new TreeMap<>();
        a.destinations().forEach(d -> d.personalData().forEach(t -> out.merge(t, 1, Integer::sum)));
        return out;
    }

    private static void section(List<Comparison.Row> rows, String section, List<Assessment> all,
                                Function<Assessment, Set<String>> items,
                                java.util.function.BiFunction<Assessment, String, String> cell) {
        Set<String> keys = new TreeSet<>();
        all.forEach(a -> keys.addAll(items.apply(a)));
        if (keys.isEmpty()) {
            rows.add(row(section, "none", all, a -> "-"));
        }
        for (String key : keys) {
            rows.add(row(section, key, all, a -> cell.apply(a, key)));
        }
    }

    private static Comparison.Row row(String section, String item, List<Assessment> all,
                                      Function<Assessment, String> cell) {
        return new Comparison.Row(section, item, all.stream().map(cell).toList());
    }

    private static String count(int n) {
        return n == 0 ? "-" : String.valueOf(n);
    }
}
