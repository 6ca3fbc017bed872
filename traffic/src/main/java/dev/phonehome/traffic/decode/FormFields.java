package dev.phonehome.traffic.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code application/x-www-form-urlencoded} text (and URL queries) split into fields, as the WHATWG
 * URL standard parses it: {@code &}-separated, {@code +} is a space, percent escapes are bytes, and a
 * malformed escape stays literal instead of failing the whole form.
 */
final class FormFields {
    /** One field; the value is bytes because percent escapes need not be UTF-8. */
    record Field(String name, byte[] value) {
        Optional<String> text() {
            return Chunk.utf8(value);
        }
    }

    private FormFields() {
    }

    /**
     * Whether text that was not announced as a form still unmistakably is one: at least one field
     * has a value, so padded base64 ({@code QUJD=}) is not read as a field named {@code QUJD}.
     */
    static boolean looksLikeForm(String text) {
        return hasFormShape(text) && parse(text).stream().anyMatch(f -> f.value().length > 0);
    }

    /**
     * Every {@code &}-separated pair has a name and an {@code =}, a trailing {@code &} is allowed, and
     * there is no whitespace anywhere. A loop, not a regular expression: a repeated group recurses per
     * pair in {@code java.util.regex} and a form of some ten thousand fields overflowed the stack.
     */
    static boolean hasFormShape(String text) {
        int end = text.endsWith("&") ? text.length() - 1 : text.length();
        int start = 0;
        while (true) {
            int amp = text.indexOf('&', start);
            int stop = amp < 0 || amp > end ? end : amp;
            if (!isPair(text, start, stop)) {
                return false;
            }
            if (stop == end) {
                return true;
            }
            start = stop + 1;
        }
    }

    /** {@code name=value}: a name without {@code =}, then any value; no whitespace. */
    private static boolean isPair(String text, int from, int to) {
        int eq = -1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                return false;
            }
            if (c == '=' && eq < 0) {
                eq = i;
            }
        }
        return eq > from;
    }

    static List<Field> parse(String text) {
        List<Field> fields = new ArrayList<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.add(new Field(new String(unescape(name), StandardCharsets.UTF_8), unescape(value)));
        }
        return fields;
    }

    static Optional<String> first(List<Field> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().flatMap(Field::text);
    }

    /** One piece per field, named {@code form:name}, indexed when the name repeats. */
    static List<Piece> pieces(List<Field> fields) {
        List<String> segments = PathSyntax.indexed(fields.stream().map(f -> "form:" + PathSyntax.name(f.name())).toList());
        List<Piece> pieces = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String segment = segments.get(i);
            pieces.add(f.text().map(t -> Piece.text(segment, t, Hints.NONE))
                    .orElseGet(() -> Piece.bytes(segment, f.value(), Hints.NONE)));
        }
        return pieces;
    }

    private static byte[] unescape(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
            int lo = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
            if (b == '%' && hi >= 0 && lo >= 0) {
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(b == '+' ? ' ' : b);
            }
        }
        return out.toByteArray();
    }
}
