package dev.phonehome.core.kb;

import java.util.function.Supplier;

/**
 * One part of the knowledge base, read and validated on first use. A scan needs no SDK adapters
 * or geodata pins and a capture analysis no lexicon, and reading every file at start-up cost a
 * short run more than its work. A part that fails to load throws to each caller and is tried
 * again next time, like {@link KnowledgeBase#load()}.
 */
final class LazyPart<T> {
    private final Supplier<T> loader;
    private volatile T value;

    LazyPart(Supplier<T> loader) {
        this.loader = loader;
    }

    T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = loader.get();
                    value = v;
                }
            }
        }
        return v;
    }
}
