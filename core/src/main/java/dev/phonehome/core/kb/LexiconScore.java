package dev.phonehome.core.kb;

import java.util.List;

/**
 * How much of a list of strings hits a lexicon.
 *
 * @param inputs  number of strings scored
 * @param matches number of strings containing at least one lexicon term
 * @param share   matches / inputs (0 for no input)
 * @param sample  up to {@link Lexicon#SAMPLE_SIZE} matched strings, sorted, for the report
 * @param terms   distinct lexicon terms that matched, sorted
 */
public record LexiconScore(int inputs, int matches, double share, List<String> sample, List<String> terms) {
    public LexiconScore {
        sample = List.copyOf(sample);
        terms = List.copyOf(terms);
    }
}
