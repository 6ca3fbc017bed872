package dev.phonehome.traffic.pii;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Every variant of every profile value in one Aho-Corasick automaton (robert-bor's
 * {@code org.ahocorasick}), so a text is read once whatever the number of patterns: the cost is
 * linear in the text plus the matches. Patterns are UTF-8 bytes seen as characters
 * ({@link ByteText}). Built once, then read-only and safe to share between threads.
 */
final class PatternIndex {
    private final PayloadTrie<Variant> trie;
    private final int size;

    private PatternIndex(PayloadTrie<Variant> trie, int size) {
        this.trie = trie;
        this.size = size;
    }

    /** One pattern per distinct text; when two variants spell the same text, the first listed wins. */
    static PatternIndex of(List<Variant> variants) {
        Map<String, Variant> byText = new LinkedHashMap<>();
        for (Variant v : variants) {
            byText.putIfAbsent(ByteText.keyword(v.text()), v);
        }
        PayloadTrie.PayloadTrieBuilder<Variant> builder = PayloadTrie.builder();
        byText.forEach(builder::addKeyword);
        return new PatternIndex(builder.build(), byText.size());
    }

    /** How many distinct patterns the automaton holds. */
    int size() {
        return size;
    }

    /** Reports each match that its variant's {@link Boundary} accepts, in order of its end. */
    void scan(ByteText text, MatchSink sink) {
        if (size == 0) {
            return;
        }
        trie.parseText(text, emit -> {
            int start = emit.getStart();
            int end = emit.getEnd() + 1;
            Variant v = emit.getPayload();
            if (v.boundary().accepts(text, start, end)) {
                sink.match(v, start, end);
            }
            return true;
        });
    }

    /** Receives the matches of one scan. */
    interface MatchSink {
        void match(Variant variant, int start, int end);
    }
}
