package dev.phonehome.assess.compare;

import dev.phonehome.assess.report.MarkdownText;
import java.util.ArrayList;
import java.util.List;

/** A {@link Comparison} as an aligned text table or a Markdown table. */
public final class ComparisonText {
    private ComparisonText() {
    }

    public static String text(Comparison c) {
        List<List<String>> lines = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("SECTION", "ITEM"));
        head.addAll(c.devices());
        lines.add(head);
        for (Comparison.Row r : c.rows()) {
            List<String> line = new ArrayList<>(List.of(r.section(), r.item()));
            line.addAll(r.values());
            lines.add(line);
        }
        int[] widths = new int[head.size()];
        lines.forEach(l -> {
            for (int i = 0; i < l.size(); i++) {
                widths[i] = Math.max(widths[i], l.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (List<String> l : lines) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < l.size(); i++) {
                row.append(String.format("%-" + widths[i] + "s", l.get(i).replaceAll("\\p{Cntrl}", " "))).append("  ");
            }
            out.append(row.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    public static String markdown(Comparison c) {
        StringBuilder out = new StringBuilder("# phonehome comparison\n\n| section | item |");
        c.devices().forEach(d -> out.append(' ').append(MarkdownText.escape(d)).append(" |"));
        out.append("\n|---|---|").append("---|".repeat(c.devices().size())).append('\n');
        for (Comparison.Row r : c.rows()) {
            out.append("| ").append(MarkdownText.escape(r.section())).append(" | ").append(MarkdownText.escape(r.item()))
                    .append(" |");
            r.values().forEach(v -> out.append(' ').append(MarkdownText.escape(v)).append(" |"));
            out.append('\n');
        }
        return out.toString();
    }
}
