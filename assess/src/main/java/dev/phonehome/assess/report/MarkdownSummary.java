package dev.phonehome.assess.report;

import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Destination;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.model.RiskCategory;
import dev.phonehome.assess.model.RiskEvidence;
import dev.phonehome.assess.model.Score;
import dev.phonehome.core.finding.Severity;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Markdown summary of an assessment: inputs, risk counts by category, the register with
 * each risk's score, evidence and remedy, and the destinations. Every text from an APK or a
 * capture is escaped, so it can never become a link, an image or markup.
 */
public final class MarkdownSummary {
    /** Evidence items listed per risk; the JSON has them all. */
    static final int MAX_EVIDENCE = 8;
    private static final List<Severity> SEVERITIES = List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM,
            Severity.LOW, Severity.INFO);

    private final StringBuilder out = new StringBuilder();

    private MarkdownSummary() {
    }

    public static String render(Assessment a) {
        return new MarkdownSummary().document(a).out.toString();
    }

    private MarkdownSummary document(Assessment a) {
        String device = a.device().map(d -> d.name()).orElse("unnamed device");
        line("# phonehome assessment: " + md(device));
        line("");
        a.device().ifPresent(d -> {
            d.build().ifPresent(b -> line("- Build: " + md(b)));
            d.region().ifPresent(r -> line("- Region: " + md(r)));
            if (!d.consent().isEmpty()) {
                line("- Consent at capture time: " + d.consent().entrySet().stream()
                        .map(e -> md(e.getKey()) + " " + (e.getValue() ? "on" : "off")).collect(Collectors.joining(", ")));
            }
        });
        line("- Firmware: " + md(a.inputs().firmware().orElse("none")));
        line("- Captures: " + (a.inputs().captures().isEmpty() ? "none"
                : a.inputs().captures().stream().map(MarkdownSummary::md).collect(Collectors.joining(", "))));
        line("- Knowledge base " + md(a.inputs().knowledgeBase()) + ", rules " + md(a.inputs().rules())
                + ", transfer regimes as of " + a.inputs().asOf());
        line("");
        summary(a);
        register(a);
        destinations(a);
        if (!a.problems().isEmpty()) {
            line("## Problems");
            line("");
            a.problems().forEach(p -> line("- `" + MarkdownText.code(p.code()) + "` " + md(p.subject()) + ": " + md(p.message())));
            line("");
        }
        return this;
    }

    private void summary(Assessment a) {
        var s = a.summary();
        line("## Summary");
        line("");
        line(s.apps() + " apps, " + s.exchanges() + " exchanges to " + s.destinations() + " destinations ("
                + s.linkedExchanges() + " linked to app code). " + s.openRisks() + " open risks, "
                + s.suppressedRisks() + " suppressed.");
        line("");
        line("| category | " + SEVERITIES.stream().map(Enum::name).collect(Collectors.joining(" | ")) + " |");
        line("|---" + "|---:".repeat(SEVERITIES.size()) + "|");
        for (RiskCategory c : RiskCategory.values()) {
            StringBuilder row = new StringBuilder("| " + c.name());
            for (Severity sev : SEVERITIES) {
                row.append(" | ").append(a.risks().stream()
                        .filter(r -> r.open() && r.category() == c && r.severity() == sev).count());
            }
            line(row + " |");
        }
        line("");
    }

    private void register(Assessment a) {
        line("## Risk register");
        line("");
        if (a.risks().isEmpty()) {
            line("No risk found.");
            line("");
            return;
        }
        line("| id | severity | category | subject | evidence | status |");
        line("|---|---|---|---|---|---|");
        for (Risk r : a.risks()) {
            line("| " + r.id() + " | " + r.severity() + " | " + r.category() + " | " + md(r.subject()) + " | "
                    + r.level() + " | " + r.status() + " |");
        }
        line("");
        for (Risk r : a.risks()) {
            line("### " + r.id() + " " + r.severity() + ": " + md(r.title()));
            line("");
            r.suppression().ifPresent(reason -> line("Suppressed: " + md(reason)));
            if (!r.apps().isEmpty()) {
                line("- Apps: " + r.apps().stream().map(MarkdownSummary::md).collect(Collectors.joining(", ")));
            }
            if (!r.destinations().isEmpty()) {
                line("- Destinations: " + r.destinations().stream().map(MarkdownSummary::md)
                        .collect(Collectors.joining(", ")));
            }
            line("- Score: " + score(r.score()));
            line("- Evidence (" + r.level() + "):");
            r.evidence().stream().limit(MAX_EVIDENCE).forEach(e -> line("  - " + evidence(e)));
            if (r.evidence().size() > MAX_EVIDENCE) {
                line("  - and " + (r.evidence().size() - MAX_EVIDENCE) + " more in assessment.json");
            }
            line("- Lower by: " + md(r.lowerBy()));
            line("- Fingerprint: `" + MarkdownText.code(r.fingerprint()) + "`");
            line("");
        }
    }

    private void destinations(Assessment a) {
        if (a.destinations().isEmpty()) {
            return;
        }
        line("## Destinations");
        line("");
        line("| host | organisation | country | regime | exchanges | apps | level |");
        line("|---|---|---|---|---:|---|---|");
        for (Destination d : a.destinations()) {
            line("| " + md(d.host()) + " | " + md(d.facts().organisationName().orElse("")) + " | "
                    + md(d.facts().country().orElse("")) + (d.facts().locationUncertain() ? " (HQ)" : "") + " | "
                    + d.facts().regime().map(Enum::name).orElse("unknown") + " | " + d.exchanges() + " | "
                    + d.apps().stream().map(MarkdownSummary::md).collect(Collectors.joining(", ")) + " | "
                    + d.level() + " |");
        }
        line("");
    }

    private static String score(Score s) {
        StringBuilder b = new StringBuilder("base " + s.base());
        s.factors().forEach(f -> b.append(", ").append(f.factor()).append(' ').append(f.weight() > 0 ? "+" : "")
                .append(f.weight()));
        return b.append(" = ").append(s.severity()).toString();
    }

    private static String evidence(RiskEvidence e) {
        String where = e.exchange().map(id -> "exchange " + id + " " + e.location()).orElse(e.location());
        return md(where) + e.path().map(p -> " at " + md(p)).orElse("") + ": " + md(e.detail()) + " ["
                + e.level() + "]";
    }

    private static String md(String s) {
        return MarkdownText.escape(s);
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
