package dev.phonehome.core.kb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the trackers whose code signatures match a class name, in one pass over the name.
 *
 * <p>A prefix trie over dotted names: a class name is walked character by character, and every
 * prefix ending on the way is a candidate, kept if it ends on a package or class boundary (see
 * {@link Tracker}). Names are accepted in Java form ({@code com.umeng.A$B}), internal form
 * ({@code com/umeng/A$B}) or DEX descriptor form ({@code Lcom/umeng/A$B;}); the descriptor's
 * {@code L...;} and slashes are translated on the fly, without copying the name. The few regex
 * signatures are tried after the walk.
 */
public final class CodeSignatureIndex {
    private final Node root = new Node();
    private final List<RegexSignature> regexes = new ArrayList<>();

    private static final class Node {
        final Map<Character, Node> children = new HashMap<>();
        final List<CodeMatch> ends = new ArrayList<>();
    }

    private record RegexSignature(Pattern pattern, CodeMatch match) {
    }

    private CodeSignatureIndex() {
    }

    public static CodeSignatureIndex of(List<Tracker> trackers) {
        CodeSignatureIndex index = new CodeSignatureIndex();
        for (Tracker tracker : trackers) {
            for (SourcedValue prefix : tracker.codePrefixes()) {
                index.add(prefix.value(), tracker);
            }
            for (SourcedValue regex : tracker.codeRegexes()) {
                index.regexes.add(new RegexSignature(Pattern.compile(regex.value()),
                        new CodeMatch(regex.value(), tracker)));
            }
        }
        return index;
    }

    private void add(String prefix, Tracker tracker) {
        Node node = root;
        for (int i = 0; i < prefix.length(); i++) {
            node = node.children.computeIfAbsent(prefix.charAt(i), c -> new Node());
        }
        node.ends.add(new CodeMatch(prefix, tracker));
    }

    /**
     * The signatures matching {@code className}, sorted by tracker id then prefix. Time is
     * linear in the name's length plus the matches (and the few regexes).
     */
    public List<CodeMatch> match(CharSequence className) {
        int start = 0;
        int end = className.length();
        while (start < end && className.charAt(start) == '[') {
            start++;
        }
        if (end - start >= 2 && className.charAt(start) == 'L' && className.charAt(end - 1) == ';') {
            start++;
            end--;
        }
        List<CodeMatch> found = new ArrayList<>();
        Node node = root;
        for (int i = start; i < end && node != null; i++) {
            node = node.children.get(dotted(className.charAt(i)));
            if (node != null && !node.ends.isEmpty() && onBoundary(className, i, end)) {
                found.addAll(node.ends);
            }
        }
        if (!regexes.isEmpty()) {
            String dotted = dottedName(className, start, end);
            for (RegexSignature regex : regexes) {
                if (regex.pattern().matcher(dotted).lookingAt()) {
                    found.add(regex.match());
                }
            }
        }
        found.sort(Comparator.comparing((CodeMatch m) -> m.tracker().id()).thenComparing(CodeMatch::prefix));
        return List.copyOf(found);
    }

    /** A prefix ending at {@code last} matches if it ends with '.' or the name continues with a separator. */
    private static boolean onBoundary(CharSequence name, int last, int end) {
        char c = dotted(name.charAt(last));
        if (c == '.' || last + 1 == end) {
            return true;
        }
        char next = dotted(name.charAt(last + 1));
        return next == '.' || next == '$';
    }

    private static char dotted(char c) {
        return c == '/' ? '.' : c;
    }

    private static String dottedName(CharSequence name, int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            sb.append(dotted(name.charAt(i)));
        }
        return sb.toString();
    }
}
