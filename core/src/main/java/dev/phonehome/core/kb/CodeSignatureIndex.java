package dev.phonehome.core.kb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
    /** The first character all infix literals share, or {@link #ANY_FIRST}. */
    private char infixFirst = ANY_FIRST;
    private static final char ANY_FIRST = '\uffff';
    private final List<RegexSignature> regexes = new ArrayList<>();

    /** A trie node; children in parallel arrays, since a node has few and a map boxes every step. */
    private static final class Node {
        char[] keys = new char[0];
        Node[] children = new Node[0];
        final List<CodeMatch> ends = new ArrayList<>();

        Node child(char c) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == c) {
                    return children[i];
                }
            }
            return null;
        }

        Node addChild(char c) {
            Node existing = child(c);
            if (existing != null) {
                return existing;
            }
            keys = Arrays.copyOf(keys, keys.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            keys[keys.length - 1] = c;
            children[children.length - 1] = new Node();
            return children[children.length - 1];
        }
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
        index.infixFirst = index.infixes.stream().map(i -> i.literal().charAt(0)).distinct().count() == 1
                ? index.infixes.get(0).literal().charAt(0) : ANY_FIRST;
        return index;
    }

    private void add(String prefix, Tracker tracker) {
        Node node = root;
        for (int i = 0; i < prefix.length(); i++) {
            node = node.addChild(prefix.charAt(i));
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
            node = node.child(dotted(className.charAt(i)));
            if (node != null && !node.ends.isEmpty() && onBoundary(className, i, end)) {
                found = add(found, node.ends);
            }
        }
        if (!infixes.isEmpty()) {
            found = infixes(className, start, end, found);
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

    /**
     * The infix signatures in {@code name[start, end)}, '/' read as '.', in one pass: each
     * literal is tried only where the name has its first character (a '.' for Exodus's).
     */
    private List<CodeMatch> infixes(CharSequence name, int start, int end, List<CodeMatch> found) {
        List<CodeMatch> out = found;
        for (int i = start; i < end; i++) {
            char c = dotted(name.charAt(i));
            if (c != infixFirst && infixFirst != ANY_FIRST) {
                continue;
            }
            for (InfixSignature infix : infixes) {
                if (startsWithDotted(name, i, end, infix.literal()) && (out == null || !out.contains(infix.match()))) {
                    out = add(out, List.of(infix.match()));
                }
            }
        }
        return out;
    }

    private static boolean startsWithDotted(CharSequence name, int at, int end, String literal) {
        if (end - at < literal.length()) {
            return false;
        }
        for (int j = 0; j < literal.length(); j++) {
            if (dotted(name.charAt(at + j)) != literal.charAt(j)) {
                return false;
            }
        }
        return true;
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
