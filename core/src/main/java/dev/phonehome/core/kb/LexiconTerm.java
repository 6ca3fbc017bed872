package dev.phonehome.core.kb;

import java.util.List;

/**
 * One term of a lexicon.
 *
 * @param term       the term as written
 * @param language   BCP 47 tag, e.g. {@code zh-Hans}, {@code zh-Hant}, {@code en}, {@code ru}
 * @param category   e.g. {@code religion}, {@code ethnic-region}, {@code political-event}
 * @param provenance sources
 */
public record LexiconTerm(String term, String language, String category, List<Provenance> provenance) {
    public LexiconTerm {
        provenance = provenance == null ? null : List.copyOf(provenance);
    }
}
