package dev.phonehome.assess.report;

import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break.
 * Cells come from captures and APKs, so a cell a spreadsheet would run as a formula (starting
 * with {@code = + - @}, tab or carriage return) is prefixed with {@code '} (OWASP's advice on CSV injection).
 */
public final class Csv {
    private final StringBuilder out = new StringBuilder();

    public Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    public Csv row(String... cells) {
        return row(List.of(cells));
    }

    static String cell(String raw) {
        String s = raw == null ? "" : raw;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
