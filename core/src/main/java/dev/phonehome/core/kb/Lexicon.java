package dev.phonehome.core.kb;

import java.io.InputStream;
import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;
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
    private final List<Needle> needles;

    /** A normalised term and how it is found in a normalised input. */
    private record Needle(String text, Predicate<String> foundIn) {
    }

    private Lexicon(List<LexiconTerm> terms, List<LexiconTerm> benign) {
        this.terms = List.copyOf(terms);
        this.benign = List.copyOf(benign);
        this.needles = terms.stream().map(t -> needle(normalise(t.term()))).toList();
    }

    private static Needle needle(String text) {
        if (!isAlphabetic(text)) {
            return new Needle(text, input -> input.contains(text));
        }
        Pattern wholeWord = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(text) + "(?![\\p{L}\\p{N}])");
        return new Needle(text, input -> input.contains(text) && wholeWord.matcher(input).find());
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
            checks.unique(list, t -> t.term() == null ? null : normalise(t.term()), "term");
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
            for (Needle needle : needles) {
                if (needle.foundIn().test(n)) {
                    hit.add(needle.text());
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
