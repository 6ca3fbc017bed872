package dev.phonehome.traffic.flow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Android UID → package, read from the capture as it streams (PCAPdroid records a mapping when
 * an app first appears). The reader's map is copied again only when a UID is not known yet.
 */
final class AppNames {
    private final Supplier<Map<Integer, String>> source;
    private Map<Integer, String> known = new HashMap<>();

    AppNames(Supplier<Map<Integer, String>> source) {
        this.source = source;
    }

    Optional<String> of(OptionalInt uid) {
        if (uid.isEmpty()) {
            return Optional.empty();
        }
        String name = known.get(uid.getAsInt());
        if (name == null) {
            known = new HashMap<>(source.get());
            name = known.get(uid.getAsInt());
        }
        return Optional.ofNullable(name);
    }
}
