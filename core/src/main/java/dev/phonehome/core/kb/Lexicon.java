package dev.phonehome.core.kb;

import java.io.InputStream;
import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Politically sensitive terms, for telling a censorship keyword list from an ordinary word list.
 *
 * <p>Terms and inputs are compared after NFKC normalisation and case folding (so full-width
 * Latin and letter case do not matter); traditional and simplified Chinese forms are both listed.
 * A string matches when it contains a term; for terms in alphabetic scripts the term must stand
 * as whole words, so {@code Tiananmen} does not hit inside an unrelated longer word.
 */
public final class Lexicon {
    static final String FILE = "kb/lexicons.json";

    /** Matched strings kept as a sample in a score. */
    public static final int SAMPLE_SIZE = 20;

    private final List<LexiconTerm> terms;
    private final List<LexiconTerm> benign;
    private final Map<String, Pattern> wordPatterns;

    private Lexicon(List<LexiconTerm> terms, List<LexiconTerm> benign) {
        this.terms = List.copyOf(terms);
        this.benign = List.copyOf(benign);
        Map<String, Pattern> patterns = new TreeMap<>();
        for (LexiconTerm t : terms) {
            String n = normalise(t.term());
            if (isAlphabetic(n)) {
                patterns.put(n, Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(n) + "(?![\\p{L}\\p{N}])"));
            } else {
                patterns.put(n, null);
            }
        }
        this.wordPatterns = patterns;
    }

    record Document(Integer schemaVersion, String kbVersion, FileProvenance provenance,
                    List<LexiconTerm> terms, List<LexiconTerm> benign) implements KbDocument {
    }

    static Lexicon parse(String file, InputStream in, String kbVersion) {
        Document document = KbFiles.read(file, in, Document.class, kbVersion);
        EntryChecks checks = new EntryChecks(file, document);
        for (List<LexiconTerm> list : List.of(
                checks.nonEmpty(document.terms(), "terms", "terms"),
                checks.nonEmpty(document.benign(), "benign", "benign"))) {
            checks.unique(list, t -> normalise(t.term()), "term");
            for (LexiconTerm t : list) {
                String entry = "term '" + t.term() + "'";
                checks.text(t.language(), entry, "language");
                checks.require(Locale.forLanguageTag(t.language()).getLanguage().length() >= 2, entry,
                        "language '" + t.language() + "' is not a BCP 47 tag");
                checks.text(t.category(), entry, "category");
                checks.provenance(t.provenance(), entry);
            }
        }
        return new Lexicon(document.terms(), document.benign());
    }

    /** NFKC, then case folding (upper then lower, which also folds e.g. final sigma and ß). */
    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static boolean isAlphabetic(String term) {
        return term.codePoints().allMatch(cp -> !Character.isIdeographic(cp)
                && Character.UnicodeScript.of(cp) != Character.UnicodeScript.TIBETAN);
    }

    /** Scores a list of strings (e.g. the entries of a downloaded keyword list) against the sensitive terms. */
    public LexiconScore score(Collection<String> inputs) {
        TreeSet<String> sample = new TreeSet<>();
        TreeSet<String> hit = new TreeSet<>();
        int matches = 0;
        for (String input : inputs) {
            String n = normalise(input);
            boolean matched = false;
            for (Map.Entry<String, Pattern> term : wordPatterns.entrySet()) {
                if (n.contains(term.getKey()) && (term.getValue() == null || term.getValue().matcher(n).find())) {
                    hit.add(term.getKey());
                    matched = true;
                }
            }
            if (matched) {
                matches++;
                sample.add(input);
                if (sample.size() > SAMPLE_SIZE) {
                    sample.pollLast();
                }
            }
        }
        double share = inputs.isEmpty() ? 0 : (double) matches / inputs.size();
        return new LexiconScore(inputs.size(), matches, share, List.copyOf(sample), List.copyOf(hit));
    }

    /** The sensitive terms, in file order. */
    public List<LexiconTerm> terms() {
        return terms;
    }

    /** Ordinary product and everyday words, listed to test that scoring does not flag them. */
    public List<LexiconTerm> benign() {
        return benign;
    }
}
