package dev.phonehome.core.kb;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Selects fields of a decoded payload by their {@link FieldStep}s, the way TrackHAR's data paths
 * select values of its decoded request, but over the decoders' leaves instead of a re-decoded tree:
 * <pre>
 * selector = segment *("." segment)
 * segment  = name          ; a member, field or header of that name; a number also matches that position
 *          | quoted        ; a name in JSON string syntax, for names holding . " * or spaces
 *          | name "*"      ; any member whose name starts with name
 *          | "*"           ; any one step, or none: a single value counts as a one-element list
 *          | "**"          ; any number of steps (at most once per selector)
 * </pre>
 * A selector selects a field when it matches the first steps of the field's path: the value it
 * names, or anything inside it (TrackHAR reports a container as one value; here its leaves each
 * count). Occurrences of a repeated name ({@code id} sent twice) are passed over unless a segment
 * names them, so {@code 1.19} selects field 19 of every repeated field 1. Examples: {@code cid}, {@code 1.*.19} (protobuf field 19 of each bundle in field 1),
 * {@code **.properties.$model}, {@code extinfo.5}, {@code KRTBCOOKIE_*}, {@code "eid_pubcid.org"}.
 *
 * <p>{@link #name} writes a field's steps back in this syntax, which then selects the field.
 */
public final class FieldSelector {
    /** Selectors are written by people: longer ones are mistakes. */
    public static final int MAX_SEGMENTS = 32;

    private static final Pattern PLAIN = Pattern.compile("[^.\\s\"*\\\\\\p{Cntrl}]+");

    private enum Kind { LITERAL, PREFIX, ANY_ONE, ANY_DEPTH }

    private record Segment(Kind kind, String text) {
        boolean accepts(FieldStep step) {
            return switch (kind) {
                case LITERAL -> step.text().equals(text);
                case PREFIX -> step.kind() == FieldStep.Kind.KEY && step.text().startsWith(text);
                case ANY_ONE, ANY_DEPTH -> true;
            };
        }
    }

    private final String text;
    private final List<Segment> segments;

    private FieldSelector(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /** Parses a selector; throws {@link IllegalArgumentException} saying what is wrong. */
    public static FieldSelector parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty selector");
        }
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        boolean anyDepth = false;
        while (true) {
            Segment s;
            if (text.charAt(i) == '"') {
                int end = closingQuote(text, i);
                s = new Segment(Kind.LITERAL, unquote(text.substring(i, end + 1)));
                i = end + 1;
            } else {
                int end = text.indexOf('.', i);
                end = end < 0 ? text.length() : end;
                s = plain(text.substring(i, end), text);
                i = end;
            }
            if (s.kind == Kind.ANY_DEPTH) {
                if (anyDepth) {
                    throw new IllegalArgumentException("'**' more than once in '" + text + "'");
                }
                anyDepth = true;
            }
            segments.add(s);
            if (segments.size() > MAX_SEGMENTS) {
                throw new IllegalArgumentException("more than " + MAX_SEGMENTS + " segments in '" + text + "'");
            }
            if (i == text.length()) {
                return new FieldSelector(text, segments);
            }
            if (text.charAt(i) != '.' || i + 1 == text.length()) {
                throw new IllegalArgumentException("expected '.' and a segment at " + i + " of '" + text + "'");
            }
            i++;
        }
    }

    private static Segment plain(String segment, String text) {
        if (segment.equals("*")) {
            return new Segment(Kind.ANY_ONE, "");
        }
        if (segment.equals("**")) {
            return new Segment(Kind.ANY_DEPTH, "");
        }
        boolean prefix = segment.endsWith("*");
        String name = prefix ? segment.substring(0, segment.length() - 1) : segment;
        if (!PLAIN.matcher(name).matches()) {
            throw new IllegalArgumentException("bad segment '" + segment + "' in '" + text + "'");
        }
        return new Segment(prefix ? Kind.PREFIX : Kind.LITERAL, name);
    }

    private static int closingQuote(String text, int open) {
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed quote at " + open + " of '" + text + "'");
    }

    private static String unquote(String quoted) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = quoted.charAt(++i);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 >= quoted.length()) {
                        throw new IllegalArgumentException("short \\u escape in " + quoted);
                    }
                    try {
                        out.append((char) Integer.parseInt(quoted.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("bad \\u escape in " + quoted);
                    }
                    i += 4;
                }
                default -> throw new IllegalArgumentException("bad escape \\" + e + " in " + quoted);
            }
        }
        return out.toString();
    }

    /** The names a field's steps must all hold for this to select it: a cheap test before {@link #match}. */
    public List<String> names() {
        return segments.stream().filter(s -> s.kind == Kind.LITERAL).map(Segment::text).toList();
    }

    /**
     * Whether this selects the field at {@code steps}; when it does, for each step whether a named
     * segment (rather than a wildcard) matched it, as {@link #name} wants to know.
     */
    public Optional<boolean[]> match(List<FieldStep> steps) {
        int n = segments.size();
        int m = steps.size();
        // can[i][j]: segments i.. match a prefix of steps j.. (dynamic programming keeps wildcards linear)
        boolean[][] can = new boolean[n + 1][m + 1];
        for (int j = 0; j <= m; j++) {
            can[n][j] = true;
        }
        for (int i = n - 1; i >= 0; i--) {
            Segment s = segments.get(i);
            for (int j = m; j >= 0; j--) {
                boolean one = j < m && s.accepts(steps.get(j)) && can[i + 1][j + 1];
                boolean skip = j < m && steps.get(j).kind() == FieldStep.Kind.OCCURRENCE && can[i][j + 1];
                can[i][j] = skip || switch (s.kind) {
                    case LITERAL, PREFIX -> one;
                    case ANY_ONE -> one || can[i + 1][j];
                    case ANY_DEPTH -> can[i + 1][j] || (j < m && can[i][j + 1]);
                };
            }
        }
        if (!can[0][0]) {
            return Optional.empty();
        }
        boolean[] named = new boolean[m];
        int i = 0;
        int j = 0;
        while (i < n) {
            Segment s = segments.get(i);
            boolean one = j < m && s.accepts(steps.get(j)) && can[i + 1][j + 1];
            if (s.kind != Kind.ANY_DEPTH && one) {
                named[j] = s.kind == Kind.LITERAL;
                i++;
                j++;
            } else if (s.kind != Kind.LITERAL && s.kind != Kind.PREFIX && can[i + 1][j]) {
                i++;
            } else {
                j++; // a step the any-depth wildcard covers, or an occurrence skipped
            }
        }
        return Optional.of(named);
    }

    /**
     * The name of a field in selector syntax: members as they are (quoted where needed), positions
     * as {@code *} unless {@code named} says a selector named them, occurrences left out (the same
     * name sent twice is one parameter).
     *
     * @param named per step, whether to keep a position's number; may be shorter than {@code steps}
     */
    public static String name(List<FieldStep> steps, boolean[] named) {
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < steps.size(); j++) {
            FieldStep step = steps.get(j);
            boolean keep = j < named.length && named[j];
            String segment = switch (step.kind()) {
                case KEY -> plain(step.text()) ? step.text() : quote(step.text());
                case INDEX -> keep ? step.text() : "*";
                case OCCURRENCE -> keep ? step.text() : null;
            };
            if (segment != null) {
                out.append(out.isEmpty() ? "" : ".").append(segment);
            }
        }
        return out.toString();
    }

    /** As {@link #PLAIN} says, without a regex: names are written once per value of every request. */
    private static boolean plain(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' || c == '"' || c == '*' || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static String quote(String raw) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(raw)) + "\"";
    }

    @Override
    public String toString() {
        return text;
    }
}
