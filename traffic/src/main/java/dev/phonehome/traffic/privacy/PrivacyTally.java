package dev.phonehome.traffic.privacy;

import dev.phonehome.core.device.PersonalDataType;
import dev.phonehome.traffic.adapter.AdapterMatch;
import dev.phonehome.traffic.destination.Destination;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.pii.HitConfidence;
import dev.phonehome.traffic.pii.PersonalDataHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Sums exchanges up by destination and by personal-data use; the order of the output never depends on arrival. */
final class PrivacyTally {
    private static final Comparator<Destination> DESTINATION_ORDER = Comparator.comparing(Destination::name)
            .thenComparing(d -> d.ip().orElse(""));
    private static final Comparator<PersonalDataUse> USE_ORDER = Comparator
            .comparing((PersonalDataUse u) -> u.type().code())
            .thenComparing(PersonalDataUse::host)
            .thenComparing(PersonalDataUse::path)
            .thenComparing(PersonalDataUse::form)
            .thenComparing(u -> u.profileKey().orElse(""));

    /** Array elements are one use: the third event of a batch sends the same field as the first. */
    private static final Pattern ANY_INDEX = Pattern.compile("\\[\\d+\\]");

    private final Map<DestinationId, DestinationCount> destinations = new HashMap<>();
    private final Map<UseKey, UseCount> uses = new HashMap<>();

    void add(TrafficExchange exchange, ExchangeFacts facts, long requestBytes) {
        Destination d = facts.destination();
        DestinationCount c = destinations.computeIfAbsent(new DestinationId(d.name(), d.ip()),
                k -> new DestinationCount(d));
        c.exchanges++;
        c.requestBytes += requestBytes;
        exchange.app().ifPresent(c.apps::add);
        facts.sdk().map(AdapterMatch::trackerId).ifPresent(c.trackers::add);
        d.tracker().ifPresent(c.trackers::add);
        c.encrypted |= facts.encryptedPayload();
        String host = d.name().isEmpty() ? d.ip().orElse("") : d.name();
        for (PersonalDataHit hit : facts.personalData()) {
            c.personalData.add(hit.type().code());
            UseKey key = new UseKey(hit.type(), hit.form(), ANY_INDEX.matcher(hit.path()).replaceAll("[*]"), host,
                    hit.profileKey());
            UseCount u = uses.computeIfAbsent(key, k -> new UseCount(hit.confidence(), facts.exchangeId()));
            u.occurrences++;
            if (!facts.exchangeId().equals(u.lastExchange)) {
                u.exchanges++;
                u.lastExchange = facts.exchangeId();
            }
        }
    }

    List<DestinationUse> destinations() {
        List<DestinationUse> out = new ArrayList<>();
        for (DestinationCount c : destinations.values()) {
            out.add(new DestinationUse(c.destination, c.exchanges, c.requestBytes, List.copyOf(c.apps),
                    List.copyOf(c.trackers), List.copyOf(c.personalData), c.encrypted));
        }
        out.sort(Comparator.comparing(DestinationUse::destination, DESTINATION_ORDER));
        return out;
    }

    List<PersonalDataUse> personalData() {
        List<PersonalDataUse> out = new ArrayList<>();
        uses.forEach((k, u) -> out.add(new PersonalDataUse(k.type, k.form, k.path, k.host, k.profileKey, u.confidence,
                u.occurrences, u.exchanges, u.firstExchange)));
        out.sort(USE_ORDER);
        return out;
    }

    private record DestinationId(String name, Optional<String> ip) {
    }

    private record UseKey(PersonalDataType type, String form, String path, String host, Optional<String> profileKey) {
    }

    private static final class DestinationCount {
        final Destination destination;
        final TreeSet<String> apps = new TreeSet<>();
        final TreeSet<String> trackers = new TreeSet<>();
        final TreeSet<String> personalData = new TreeSet<>();
        long exchanges;
        long requestBytes;
        boolean encrypted;

        DestinationCount(Destination destination) {
            this.destination = destination;
        }
    }

    private static final class UseCount {
        final HitConfidence confidence;
        final String firstExchange;
        String lastExchange;
        long exchanges;
        long occurrences;

        UseCount(HitConfidence confidence, String firstExchange) {
            this.confidence = confidence;
            this.firstExchange = firstExchange;
        }
    }
}
