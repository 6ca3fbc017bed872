package dev.phonehome.cli;

import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.report.CsvTables;
import dev.phonehome.assess.report.MarkdownSummary;
import dev.phonehome.assess.report.SarifReport;
import dev.phonehome.core.json.CanonicalJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code phonehome report}: one report rendered from an existing assessment.json. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render a report from an assessment.json: SARIF, Markdown, CSV or canonical JSON.")
final class ReportCommand implements Callable<Integer> {
    enum Format { sarif, md, csv, json }

    enum Table { destinations, parameters }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ASSESSMENT", description = "An assessment.json written by phonehome assess.")
    Path input;

    @Option(names = "--format", required = true, description = "Report format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--table", defaultValue = "destinations",
            description = "Table for --format csv: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Table table;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Optional<Assessment> read = AssessmentFile.read(input, spec);
        if (read.isEmpty()) {
            return ExitCode.INPUT;
        }
        Assessment a = read.get();
        String text = switch (format) {
            case sarif -> SarifReport.render(a, Versions.number(spec));
            case md -> MarkdownSummary.render(a);
            case csv -> table == Table.destinations ? CsvTables.destinations(a) : CsvTables.parameters(a);
            case json -> CanonicalJson.toString(a);
        };
        AssessmentFile.emit(text, out);
        return ExitCode.OK;
    }
}
