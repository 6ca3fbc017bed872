package dev.phonehome.traffic.adapter;

import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.flow.TrafficExchange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Folds exchanges, one at a time, into the distinct parameters per destination host and SDK, with
 * counts, a few example values and the standard properties they map to. Memory grows with the
 * number of distinct parameters (capped), not with the capture. Not thread-safe: feed it from one
 * thread, as {@code TrafficAnalyzer} delivers exchanges.
 */
public final class ParameterInventory {
    public static final int MAX_EXAMPLES = 3;
    public static final int MAX_EXAMPLE_CHARS = 200;
    /** Distinct parameters kept by default; a capture with more is hostile or not one phone's. */
    public static final int DEFAULT_MAX_PARAMETERS = 100_000;

    private record Key(String host, String tracker, String context, String name) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::host).thenComparing(Key::tracker)
            .thenComparing(Key::context).thenComparing(Key::name);

    private static final class Tally {
        long occurrences;
        long exchanges;
        long lastExchange = -1;
        final TreeSet<String> examples = new TreeSet<>();
        final TreeSet<String> properties = new TreeSet<>();
        final TreeSet<String> adapters = new TreeSet<>();
    }

    private final SdkAdapters adapters;
    private final int maxParameters;
    private final Map<Key, Tally> tallies = new HashMap<>();
    private long exchanges;
    private long dropped;

    public ParameterInventory(SdkAdapters adapters) {
        this(adapters, DEFAULT_MAX_PARAMETERS);
    }

    public ParameterInventory(SdkAdapters adapters, int maxParameters) {
        this.adapters = adapters;
        this.maxParameters = maxParameters;
    }

    /**
     * Adds one exchange's request.
     *
     * @return the adapter match, so a caller need not match twice
     */
    public Optional<AdapterMatch> add(TrafficExchange exchange, DecodedPayload payload) {
        Optional<AdapterMatch> match = adapters.match(exchange, payload);
        List<SdkParameter> parameters = match.map(AdapterMatch::parameters).orElseGet(() -> SdkAdapters.parameters(payload));
        String tracker = match.map(AdapterMatch::trackerId).orElse("");
        Optional<String> adapterId = match.map(AdapterMatch::adapterId);
        long seq = exchanges++;
        for (SdkParameter p : parameters) {
            Key key = new Key(exchange.host(), tracker, p.context(), p.name());
            Tally t = tallies.get(key);
            if (t == null) {
                if (tallies.size() >= maxParameters) {
                    dropped++;
                    continue;
                }
                t = new Tally();
                tallies.put(key, t);
            }
            t.occurrences++;
            if (t.lastExchange != seq) {
                t.exchanges++;
                t.lastExchange = seq;
            }
            example(t.examples, p.value());
            t.properties.addAll(p.standardProperties());
            adapterId.ifPresent(t.adapters::add);
        }
        return match;
    }

    /** Keeps the {@value #MAX_EXAMPLES} smallest distinct values, each cut to a bounded length. */
    private static void example(TreeSet<String> examples, String value) {
        String v = value.length() > MAX_EXAMPLE_CHARS
                ? value.substring(0, MAX_EXAMPLE_CHARS) + "… (" + value.length() + " characters)" : value;
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(v);
        } else if (v.compareTo(examples.last()) < 0 && examples.add(v)) {
            examples.pollLast();
        }
    }

    /** What has been added so far, in canonical order. */
    public InventoryReport report() {
        List<InventoryEntry> entries = new ArrayList<>(tallies.size());
        tallies.entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER)).forEach(e -> {
            Key k = e.getKey();
            Tally t = e.getValue();
            entries.add(new InventoryEntry(k.host, k.tracker.isEmpty() ? Optional.empty() : Optional.of(k.tracker),
                    k.context, k.name, t.occurrences, t.exchanges, List.copyOf(t.examples), List.copyOf(t.properties),
                    List.copyOf(t.adapters)));
        });
        return new InventoryReport(exchanges, entries, dropped);
    }
}
