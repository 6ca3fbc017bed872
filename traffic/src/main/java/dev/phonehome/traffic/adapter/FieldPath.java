package dev.phonehome.traffic.adapter;

import dev.phonehome.core.kb.FieldStep;
import dev.phonehome.traffic.decode.PathSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A decoded leaf's path read as an adapter sees it: the context the value sits in and the named
 * steps to it, with transport layers (base64, gzip, ...) left out. {@code body > form:data_list >
 * base64 > gzip > json[0].properties.$model} is context {@code body}, steps
 * {@code data_list, [0], properties, $model}; {@code header:Cookie > cookie:uid} is context
 * {@code cookie}, step {@code uid}. Header names are lower-cased. Total: a path it does not
 * understand yields odd steps, never an exception.
 *
 * @param context         {@code query}, {@code body}, {@code header}, {@code cookie}, or the root as written
 * @param steps           member names, positions and occurrences
 * @param encryptedScheme the scheme of an {@code encrypted-payload(...)} segment on the way, if any
 * @param firstLayer      the layer that opened the root ({@code form}, {@code json}, {@code gzip}, ...), or ""
 */
record FieldPath(String context, List<FieldStep> steps, Optional<String> encryptedScheme, String firstLayer) {
    private static final String ENCRYPTED = "encrypted-payload(";

    FieldPath {
        steps = List.copyOf(steps);
    }

    static FieldPath of(String path) {
        List<String> segments = segments(path);
        String root = segments.isEmpty() ? "" : segments.get(0);
        List<FieldStep> steps = new ArrayList<>();
        String context = root;
        if (root.startsWith("header:")) {
            context = "header";
            steps.add(FieldStep.key(name(new Reader(root, 7)).toLowerCase(Locale.ROOT)));
        }
        Optional<String> scheme = Optional.empty();
        for (String segment : segments.subList(Math.min(1, segments.size()), segments.size())) {
            if (segment.startsWith("cookie:") && context.equals("header")) {
                context = "cookie";
                steps.clear();
                named(new Reader(segment, 7), steps);
            } else if (segment.startsWith("form:") || segment.startsWith("cookie:")) {
                named(new Reader(segment, segment.indexOf(':') + 1), steps);
            } else if (segment.startsWith("multipart:")) {
                named(new Reader(segment, 10), steps);
            } else if (segment.startsWith("json")) {
                json(new Reader(segment, 4), steps);
            } else if (segment.startsWith("ndjson[")) {
                Reader r = new Reader(segment, 6);
                index(r).ifPresent(n -> steps.add(FieldStep.index(n)));
            } else if (segment.startsWith("pb:")) {
                protobuf(new Reader(segment, 3), steps);
            } else if (segment.startsWith(ENCRYPTED) && segment.endsWith(")")) {
                scheme = Optional.of(segment.substring(ENCRYPTED.length(), segment.length() - 1));
            } else if (segment.startsWith("jwt:")) {
                steps.add(FieldStep.key(segment.substring(4)));
            }
            // other segments (base64, gzip, bearer, ...) are layers: no step
        }
        return new FieldPath(context, steps, scheme, segments.size() > 1 ? layer(segments.get(1)) : "");
    }

    /** The decoder layer a segment stands for, as {@link dev.phonehome.core.kb.DecodingStep} names layers. */
    private static String layer(String segment) {
        if (segment.startsWith("pb:")) {
            return "protobuf";
        }
        int end = 0;
        while (end < segment.length() && Character.isLetterOrDigit(segment.charAt(end))) {
            end++;
        }
        return segment.substring(0, end);
    }

    /** The segments between {@code " > "}, not splitting inside quoted names. */
    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && path.startsWith(PathSyntax.SEPARATOR, i)) {
                out.add(path.substring(start, i));
                start = i + PathSyntax.SEPARATOR.length();
                i = start - 1;
            }
        }
        out.add(path.substring(start));
        return out;
    }

    /** A name, then the occurrence index PathSyntax appends to repeated names. */
    private static void named(Reader r, List<FieldStep> steps) {
        steps.add(FieldStep.key(name(r)));
        index(r).ifPresent(n -> steps.add(FieldStep.occurrence(n)));
    }

    private static void json(Reader r, List<FieldStep> steps) {
        while (!r.done()) {
            char c = r.next();
            if (c == '.') {
                StringBuilder key = new StringBuilder();
                while (!r.done() && r.peek() != '.' && r.peek() != '[') {
                    key.append(r.next());
                }
                steps.add(FieldStep.key(key.toString()));
            } else if (c == '[' && !r.done() && r.peek() == '"') {
                steps.add(FieldStep.key(r.quoted()));
                r.skip(']');
            } else if (c == '[') {
                r.back();
                Optional<Integer> n = index(r);
                if (n.isEmpty()) {
                    return;
                }
                steps.add(FieldStep.index(n.get()));
            } else {
                return;
            }
        }
    }

    private static void protobuf(Reader r, List<FieldStep> steps) {
        while (!r.done()) {
            StringBuilder field = new StringBuilder();
            while (!r.done() && Character.isDigit(r.peek())) {
                field.append(r.next());
            }
            if (field.isEmpty()) {
                return;
            }
            steps.add(FieldStep.key(field.toString()));
            index(r).ifPresent(n -> steps.add(FieldStep.occurrence(n)));
            if (!r.done() && r.next() != '.') {
                return;
            }
        }
    }

    private static String name(Reader r) {
        if (!r.done() && r.peek() == '"') {
            return r.quoted();
        }
        StringBuilder name = new StringBuilder();
        while (!r.done() && r.peek() != '[') {
            name.append(r.next());
        }
        return name.toString();
    }

    /** {@code [n]} at the reader, consumed when present. */
    private static Optional<Integer> index(Reader r) {
        if (r.done() || r.peek() != '[') {
            return Optional.empty();
        }
        int start = r.at;
        r.next();
        long n = 0;
        int digits = 0;
        while (!r.done() && Character.isDigit(r.peek()) && digits < 10) {
            n = n * 10 + (r.next() - '0');
            digits++;
        }
        if (digits == 0 || n > Integer.MAX_VALUE || r.done() || r.next() != ']') {
            r.at = start;
            return Optional.empty();
        }
        return Optional.of((int) n);
    }

    /** A cursor over one segment. */
    private static final class Reader {
        private final String s;
        private int at;

        Reader(String s, int at) {
            this.s = s;
            this.at = Math.min(at, s.length());
        }

        boolean done() {
            return at >= s.length();
        }

        char peek() {
            return s.charAt(at);
        }

        char next() {
            return s.charAt(at++);
        }

        void back() {
            at--;
        }

        void skip(char c) {
            if (!done() && peek() == c) {
                at++;
            }
        }

        /** A JSON-quoted string at the cursor (PathSyntax quotes with JSON string syntax). */
        String quoted() {
            StringBuilder out = new StringBuilder();
            at++;
            while (!done()) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\' || done()) {
                    out.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> out.append(unicode());
                    default -> out.append(e);
                }
            }
            return out.toString();
        }

        private char unicode() {
            if (at + 4 > s.length()) {
                at = s.length();
                return '\ufffd';
            }
            try {
                char c = (char) Integer.parseInt(s.substring(at, at + 4), 16);
                at += 4;
                return c;
            } catch (NumberFormatException e) {
                return '\ufffd';
            }
        }
    }
}
