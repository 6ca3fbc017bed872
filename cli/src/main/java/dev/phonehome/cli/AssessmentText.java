package dev.phonehome.cli;

import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.core.finding.Severity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The short terminal summary of {@code assess} and {@code demo}: counts, open risks, files written. */
final class AssessmentText {
    private AssessmentText() {
    }

    static void print(Assessment a, List<Path> written, PrintStream out) {
        var s = a.summary();
        out.println("phonehome assess of " + a.device().map(d -> d.name()).orElse("an unnamed device") + ": "
                + s.apps() + " apps, " + s.exchanges() + " exchanges to " + s.destinations() + " destinations ("
                + s.linkedExchanges() + " linked to app code)");
        String bySeverity = Stream.of(Severity.values()).sorted(Comparator.reverseOrder())
                .filter(v -> s.risksBySeverity().containsKey(v.name()))
                .map(v -> s.risksBySeverity().get(v.name()) + " " + v).collect(Collectors.joining(", "));
        out.println(s.openRisks() + " open risks" + (bySeverity.isEmpty() ? "" : " (" + bySeverity + ")") + ", "
                + s.suppressedRisks() + " suppressed");
        out.println();
        int width = a.risks().stream().mapToInt(r -> clean(r.subject()).length()).max().orElse(0);
        for (Risk r : a.risks()) {
            out.printf("  %-8s %-11s %-" + Math.max(1, width) + "s  %s  [%s]%s%n", r.severity(), r.id(),
                    clean(r.subject()), clean(r.title()),
                    r.level(), r.open() ? "" : " suppressed: " + clean(r.suppression().orElse("")));
        }
        if (!a.problems().isEmpty()) {
            out.println();
            out.println(a.problems().size() + " input problems (see assessment.json), first: "
                    + clean(a.problems().get(0).subject() + ": " + a.problems().get(0).message()));
        }
        out.println();
        out.println("Reports:");
        written.forEach(p -> out.println("  " + p));
    }

    /** Terminal-safe: control characters from APKs or captures cannot move the cursor or recolour. */
    private static String clean(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
