package dev.phonehome.assess.correlate;

import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.Destination;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.assess.observe.PersonalData;
import dev.phonehome.assess.observe.SdkMatch;
import dev.phonehome.core.finding.EvidenceLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Exchanges grouped by destination host. */
public final class Destinations {
    private Destinations() {
    }

    public static List<Destination> of(List<AssessedExchange> exchanges) {
        Map<String, List<AssessedExchange>> byHost = new TreeMap<>();
        exchanges.forEach(x -> byHost.computeIfAbsent(x.exchange().host(), h -> new ArrayList<>()).add(x));
        List<Destination> out = new ArrayList<>();
        byHost.forEach((host, xs) -> {
            ObservedExchange first = xs.get(0).exchange();
            List<String> apps = xs.stream().flatMap(x -> x.app().stream()).toList();
            List<String> trackers = xs.stream().flatMap(x -> x.exchange().sdks().stream()).map(SdkMatch::tracker).toList();
            List<String> data = xs.stream().flatMap(x -> x.exchange().personalData().stream()).map(PersonalData::type)
                    .toList();
            EvidenceLevel level = xs.stream().map(AssessedExchange::level).max(Enum::compareTo).orElseThrow();
            String firstSeen = xs.stream().map(x -> x.exchange().time()).min(String::compareTo).orElseThrow();
            out.add(new Destination(host, first.destination(), xs.size(), apps, trackers, data, level, firstSeen));
        });
        return out;
    }
}
