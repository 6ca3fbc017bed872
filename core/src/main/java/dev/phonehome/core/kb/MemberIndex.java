package dev.phonehome.core.kb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Values keyed by a member reference (owning class and member name), looked up without building
 * a key string: detectors ask once per call site, almost every call site names a member that is
 * not indexed, and the lookup by name alone rejects those without allocating.
 *
 * @param <T> the indexed values, in the order given per member
 */
public final class MemberIndex<T> {
    private final Map<String, Map<String, List<T>>> byName;

    private MemberIndex(Map<String, Map<String, List<T>>> byName) {
        this.byName = byName;
    }

    public static <T> MemberIndex<T> of(Collection<T> values, Function<T, String> owner, Function<T, String> member) {
        Map<String, Map<String, List<T>>> index = new HashMap<>();
        for (T v : values) {
            index.computeIfAbsent(member.apply(v), k -> new HashMap<>())
                    .computeIfAbsent(owner.apply(v), k -> new ArrayList<>()).add(v);
        }
        Map<String, Map<String, List<T>>> frozen = new HashMap<>();
        index.forEach((name, byOwner) -> {
            Map<String, List<T>> owners = new HashMap<>();
            byOwner.forEach((o, list) -> owners.put(o, List.copyOf(list)));
            frozen.put(name, Map.copyOf(owners));
        });
        return new MemberIndex<>(Map.copyOf(frozen));
    }

    /** The values of {@code owner}'s member {@code member}, empty if none. */
    public List<T> get(String owner, String member) {
        Map<String, List<T>> owners = byName.get(member);
        if (owners == null) {
            return List.of();
        }
        return owners.getOrDefault(owner, List.of());
    }
}
