package dev.phonehome.apk.signing;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** Immutable sorted copies, so that reports iterate (and serialise) in a stable order. */
final class SortedSets {
    private SortedSets() {
    }

    static SortedSet<String> copyOf(Collection<String> values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }
}
