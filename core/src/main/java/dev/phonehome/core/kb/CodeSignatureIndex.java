package dev.phonehome.core.kb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the trackers whose code signatures match a class name, in one pass over the name.
 *
 * <p>A prefix trie over dotted names: a class name is walked character by character, and every
 * prefix ending on the way is a candidate, kept if it ends on a package or class boundary (see
 * {@link Tracker}). Names are accepted in Java form ({@code com.umeng.A$B}), internal form
 * ({@code com/umeng/A$B}) or DEX descriptor form ({@code Lcom/umeng/A$B;}); the descriptor's
 * {@code L...;} and slashes are translated on the fly, without copying the name. The few regex
 * signatures are tried after the walk: those of the form {@code .*LITERAL} (a package or class
 * name at any depth, as Exodus writes them) as a plain substring search, since a backtracking
 * {@code .*} over every class and call-site owner of a firmware costs more than all the rest of
 * the matching; any other regex with {@link Pattern}.
 */
public final class CodeSignatureIndex {
    private final Node root = new Node();
    private final List<InfixSignature> infixes = new ArrayList<>();
    private final List<RegexSignature> regexes = new ArrayList<>();

    private static final class Node {
        final Map<Character, Node> children = new HashMap<>();
        final List<CodeMatch> ends = new ArrayList<>();
    }

    private record RegexSignature(Pattern pattern, CodeMatch match) {
    }

    /** A regex {@code .*LITERAL}: matches where the dotted name contains the literal. */
    private record InfixSignature(String literal, CodeMatch match) {
    }

    /** {@code .*} then only literal characters and escaped dots. */
    private static final Pattern ANY_DEPTH = Pattern.compile("\\.\\*((?:[\\w$]|\\\\\\.)+)");

    private CodeSignatureIndex() {
    }

    public static CodeSignatureIndex of(List<Tracker> trackers) {
        CodeSignatureIndex index = new CodeSignatureIndex();
        for (Tracker tracker : trackers) {
            for (SourcedValue prefix : tracker.codePrefixes()) {
                index.add(prefix.value(), tracker);
            }
            for (SourcedValue regex : tracker.codeRegexes()) {
                CodeMatch match = new CodeMatch(regex.value(), tracker);
                Matcher anyDepth = ANY_DEPTH.matcher(regex.value());
                if (anyDepth.matches()) {
                    index.infixes.add(new InfixSignature(anyDepth.group(1).replace("\\.", "."), match));
                } else {
                    index.regexes.add(new RegexSignature(Pattern.compile(regex.value()), match));
                }
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
        List<CodeMatch> found = null;
        Node node = root;
        for (int i = start; i < end && node != null; i++) {
            node = node.children.get(dotted(className.charAt(i)));
            if (node != null && !node.ends.isEmpty() && onBoundary(className, i, end)) {
                found = add(found, node.ends);
            }
        }
        for (InfixSignature infix : infixes) {
            if (containsDotted(className, start, end, infix.literal())) {
                found = add(found, List.of(infix.match()));
            }
        }
        if (!regexes.isEmpty()) {
            String dotted = dottedName(className, start, end);
            for (RegexSignature regex : regexes) {
                if (regex.pattern().matcher(dotted).lookingAt()) {
                    found = add(found, List.of(regex.match()));
                }
            }
        }
        if (found == null) {
            return List.of();
        }
        found.sort(Comparator.comparing((CodeMatch m) -> m.tracker().id()).thenComparing(CodeMatch::prefix));
        return List.copyOf(found);
    }

    /** Most names match nothing: allocate only on the first match. */
    private static List<CodeMatch> add(List<CodeMatch> found, List<CodeMatch> more) {
        List<CodeMatch> list = found == null ? new ArrayList<>() : found;
        list.addAll(more);
        return list;
    }

    /** Whether {@code name[start, end)}, with '/' read as '.', contains {@code literal}. */
    private static boolean containsDotted(CharSequence name, int start, int end, String literal) {
        int last = end - literal.length();
        char first = literal.charAt(0);
        for (int i = start; i <= last; i++) {
            if (dotted(name.charAt(i)) != first) {
                continue;
            }
            int j = 1;
            while (j < literal.length() && dotted(name.charAt(i + j)) == literal.charAt(j)) {
                j++;
            }
            if (j == literal.length()) {
                return true;
            }
        }
        return false;
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
