package dev.phonehome.traffic.adapter;

import dev.phonehome.core.kb.AdapterEndpoint;
import dev.phonehome.core.kb.FieldMapping;
import dev.phonehome.core.kb.FieldSelector;
import dev.phonehome.core.kb.FieldStep;
import dev.phonehome.core.kb.SdkAdapter;
import dev.phonehome.core.kb.ValueCondition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** An adapter with its regexes compiled and its field mappings indexed by context and first name. */
final class CompiledAdapter {
    /** Paths longer than this are hostile; regexes see only their start. */
    private static final int MAX_PATH_MATCHED = 8192;

    record Endpoint(AdapterEndpoint endpoint, Optional<Pattern> host, Optional<Pattern> path) {
        boolean accepts(String hostName, String pathName, String method, int port) {
            AdapterEndpoint e = endpoint;
            String p = pathName.length() > MAX_PATH_MATCHED ? pathName.substring(0, MAX_PATH_MATCHED) : pathName;
            return host.map(h -> h.matcher(hostName).matches()).orElse(true)
                    && (e.path() == null || e.path().equals(pathName))
                    && path.map(r -> r.matcher(p).find()).orElse(true)
                    && (e.method() == null || e.method().equalsIgnoreCase(method))
                    && (e.port() == null || e.port() == port);
        }
    }

    record Mapping(FieldMapping field, FieldSelector selector, List<String> names, Optional<Pattern> notIf,
                   Optional<Pattern> onlyIf) {
        /**
         * The named-step mask when this mapping applies to the value at {@code steps}.
         *
         * @param texts the texts of {@code steps}, to skip the match when a name is missing
         */
        Optional<boolean[]> apply(List<FieldStep> steps, Set<String> texts, String value) {
            if (!texts.containsAll(names) || !counts(field.notIf(), notIf, value, false)
                    || !counts(field.onlyIf(), onlyIf, value, true)) {
                return Optional.empty();
            }
            return selector.match(steps);
        }

        private static boolean counts(ValueCondition c, Optional<Pattern> regex, String value, boolean wanted) {
            if (c == null) {
                return true;
            }
            boolean hit = c.equals() != null ? c.equals().equals(value) : regex.get().matcher(value).find();
            return hit == wanted;
        }
    }

    final SdkAdapter adapter;
    final List<Endpoint> endpoints = new ArrayList<>();
    /**
     * context → name → mappings. A mapping is filed under the last name its selector holds (every
     * value it selects has that name among its steps; the last is the most telling, {@code $model}
     * rather than {@code properties}), or under "" when it holds wildcards only.
     */
    private final Map<String, Map<String, List<Mapping>>> mappings = new HashMap<>();

    CompiledAdapter(SdkAdapter adapter) {
        this.adapter = adapter;
        for (AdapterEndpoint e : adapter.endpoints()) {
            endpoints.add(new Endpoint(e, Optional.ofNullable(e.hostRegex()).map(Pattern::compile),
                    Optional.ofNullable(e.pathRegex()).map(Pattern::compile)));
        }
        for (FieldMapping f : adapter.fields()) {
            FieldSelector selector = FieldSelector.parse(f.selector());
            List<String> names = selector.names();
            Mapping m = new Mapping(f, selector, names, condition(f.notIf()), condition(f.onlyIf()));
            mappings.computeIfAbsent(f.context(), c -> new HashMap<>())
                    .computeIfAbsent(names.isEmpty() ? "" : names.get(names.size() - 1), k -> new ArrayList<>()).add(m);
        }
    }

    private static Optional<Pattern> condition(ValueCondition c) {
        return c == null || c.regex() == null ? Optional.empty()
                : Optional.of(Pattern.compile(c.regex(), c.ignoresCase() ? Pattern.CASE_INSENSITIVE : 0));
    }

    /** The mappings that may select a value in {@code context} whose steps hold the names {@code texts}. */
    List<Mapping> candidates(String context, Set<String> texts) {
        Map<String, List<Mapping>> byName = mappings.get(context);
        if (byName == null) {
            return List.of();
        }
        List<Mapping> found = new ArrayList<>(byName.getOrDefault("", List.of()));
        for (String text : texts) {
            found.addAll(byName.getOrDefault(text, List.of()));
        }
        return found;
    }
}
