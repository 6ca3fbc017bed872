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
        raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">")
                .raw("<title>").text(title).raw("</title><style>").raw(resource("report.css")).raw("</style><script>")
                .raw(resource("report.js")).raw("</script></head>\n<body><header><h1>").text(title).raw("</h1><p>")
                .text(subtitle).raw("</p></header><main>\n");
        return this;
    }

    public String end() {
        raw("</main></body></html>\n");
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = Html.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing report resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
