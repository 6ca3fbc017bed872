package dev.phonehome.assess.diff;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One aspect of two captures compared: what only the second has, what only the first has, and what
 * both have. Each list is sorted.
 */
public record Changes(List<String> appeared, List<String> vanished, List<String> persisted) {
    public Changes {
        appeared = List.copyOf(appeared);
        vanished = List.copyOf(vanished);
        persisted = List.copyOf(persisted);
    }

    static Changes of(SortedSet<String> before, SortedSet<String> after) {
        TreeSet<String> appeared = new TreeSet<>(after);
        appeared.removeAll(before);
        TreeSet<String> vanished = new TreeSet<>(before);
        vanished.removeAll(after);
        TreeSet<String> persisted = new TreeSet<>(before);
        persisted.retainAll(after);
        return new Changes(List.copyOf(appeared), List.copyOf(vanished), List.copyOf(persisted));
    }

    /** Whether the two captures differ in this aspect. */
    public boolean changed() {
        return !appeared.isEmpty() || !vanished.isEmpty();
    }
}
