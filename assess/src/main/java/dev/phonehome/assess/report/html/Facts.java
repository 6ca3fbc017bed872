package dev.phonehome.assess.report.html;

import dev.phonehome.assess.report.Html;

/** Key/value rows of a facts table; values are untrusted and may hold several lines. */
final class Facts {
    private Facts() {
    }

    static void row(Html h, String key, String value) {
        h.raw("<tr><th>").text(key).raw("</th><td class=\"mono lines\">").text(value, PageIndex.LONG * 4)
                .raw("</td></tr>");
    }
}
