package dev.phonehome.assess.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A small HTML writer: every text goes through {@link #text} so hostile strings from APKs and
 * captures (package names, URLs, terms) can never become markup. Pages are self-contained:
 * style and script are inlined, nothing is fetched.
 */
public final class Html {
    private final StringBuilder out = new StringBuilder(1 << 16);

    /** Escapes {@code s} for element content and quoted attribute values. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    /**
     * {@code s} with every invisible or direction-changing character shown as {@code [U+202E]},
     * so a hostile name cannot reorder or hide what a reader sees, and cut after {@code max}
     * code points with a visible note of how much was left out. The result still needs
     * {@link #escape}.
     */
    public static String visible(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 16);
        int shown = 0;
        int i = 0;
        while (i < s.length() && shown < max) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            shown++;
            if (cp == '\n' || cp == '\t') {
                b.append((char) cp);
            } else if (hidden(cp)) {
                b.append(String.format(java.util.Locale.ROOT, "[U+%04X]", cp));
            } else {
                b.appendCodePoint(cp);
            }
        }
        int left = s.codePointCount(i, s.length());
        if (left > 0) {
            b.append("… [").append(left).append(" more characters]");
        }
        return b.toString();
    }

    private static boolean hidden(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }

    /** Appends untrusted text made {@link #visible} and cut to {@code max} code points, escaped. */
    public Html text(Object value, int max) {
        out.append(escape(visible(String.valueOf(value), max)));
        return this;
    }

    /** Appends trusted markup written in this package. */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends untrusted text, escaped. */
    public Html text(Object value) {
        out.append(escape(String.valueOf(value)));
        return this;
    }

    /** {@code <tag class="cls">text</tag>} with the text escaped. */
    public Html element(String tag, String cls, Object value) {
        out.append('<').append(tag);
        if (cls != null) {
            out.append(" class=\"").append(cls).append('"');
        }
        out.append('>').append(escape(String.valueOf(value))).append("</").append(tag).append('>');
        return this;
    }

    /** Opens the page: doctype, title, inlined style and script, header. */
    public Html begin(String title, String subtitle) {
        return begin(title, subtitle, resource(Html.class, "report.css"), resource(Html.class, "report.js"));
    }

    /** Opens the page with the given trusted style sheet and script. */
    public Html begin(String title, String subtitle, String css, String script) {
        raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">")
                .raw("<title>").text(title).raw("</title><style>").raw(css).raw("</style><script>")
                .raw(script).raw("</script></head>\n<body><header><h1>").text(title).raw("</h1><p>")
                .text(subtitle).raw("</p></header><main>\n");
        return this;
    }

    public String end() {
        raw("</main></body></html>\n");
        return out.toString();
    }

    /** A text resource next to {@code owner}: the report's inlined style and script. */
    public static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing report resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
