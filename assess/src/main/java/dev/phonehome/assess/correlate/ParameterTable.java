package dev.phonehome.assess.correlate;

import dev.phonehome.assess.model.AppEntry;
import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.ParameterUse;
import dev.phonehome.assess.observe.Parameter;
import dev.phonehome.core.finding.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters table: each decoded request leaf per host and path (traffic), and each
 * constant key app code hands to an analytics SDK ({@code analytics.parameters}, static), so the
 * two can be read side by side.
 */
public final class ParameterTable {
    private ParameterTable() {
    }

    public static List<ParameterUse> of(List<AppEntry> apps, List<AssessedExchange> exchanges) {
        List<ParameterUse> out = new ArrayList<>();
        for (AppEntry app : apps) {
            for (Finding f : app.findings()) {
                if (f.rule().equals("analytics.parameters")) {
                    Optional<String> sdk = Optional.ofNullable(f.attributes().get("sdk"));
                    String where = f.evidence().isEmpty() ? f.rule() : f.evidence().get(0).location();
                    for (String key : f.attributes().getOrDefault("keys", "").split(",")) {
                        if (!key.isBlank()) {
                            out.add(new ParameterUse("static", key, where,
                                    Optional.empty(), Optional.of(app.id()), sdk, Optional.empty(), 1));
                        }
                    }
                }
            }
        }
        record Key(String host, String path, Optional<String> app, Optional<String> tracker) {
        }
        Map<Key, ParameterUse> traffic = new LinkedHashMap<>();
        for (AssessedExchange x : exchanges) {
            Optional<String> tracker = x.exchange().sdks().stream().map(s -> s.tracker()).findFirst();
            for (Parameter p : x.exchange().parameters()) {
                Key key = new Key(x.exchange().host(), p.path(), x.app(), tracker);
                traffic.merge(key, new ParameterUse("traffic", p.name(), p.path(), Optional.of(key.host()), x.app(),
                        tracker, Optional.of(p.value()), 1),
                        (a, b) -> new ParameterUse(a.source(), a.name(), a.path(), a.host(), a.app(), a.tracker(),
                                a.example(), a.count() + 1));
            }
        }
        out.addAll(traffic.values());
        return out.stream().sorted().toList();
    }
}
