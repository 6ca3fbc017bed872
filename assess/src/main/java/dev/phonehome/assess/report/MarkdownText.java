package dev.phonehome.assess.report;

/** Escaping for untrusted text in Markdown documents. */
public final class MarkdownText {
    private MarkdownText() {
    }

    /**
     * Text with the characters escaped that can open markup anywhere in a line (emphasis, code,
     * links, HTML, table cells, entities) and line breaks flattened; the line-start ones ({@code #},
     * {@code -}, {@code 1.}) need nothing because escaped text never starts a line in our documents.
     */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>|~&".indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Text for inside a code span: backticks and line breaks cannot end it. */
    public static String code(String s) {
        return s.replace('`', '\'').replaceAll("\\p{Cntrl}", " ");
    }
}
