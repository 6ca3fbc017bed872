package dev.phonehome.assess.report;

import dev.phonehome.assess.model.Assessment;
import dev.phonehome.core.json.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The report set of an assessment: every file rendered from the same document, listed in one
 * place, so a new report (e.g. {@code report.html}) is one more {@link Output} in {@link #standard}.
 */
public final class AssessmentFiles {
    public static final String JSON = "assessment.json";
    public static final String SARIF = "assessment.sarif";
    public static final String MARKDOWN = "summary.md";
    public static final String DESTINATIONS = "destinations.csv";
    public static final String PARAMETERS = "parameters.csv";

    /** One report file: its name and how it is rendered. */
    public record Output(String fileName, Function<Assessment, String> render) {
    }

    private AssessmentFiles() {
    }

    /** The reports {@code phonehome assess} writes, in this order. */
    public static List<Output> standard(String toolVersion) {
        return List.of(new Output(JSON, CanonicalJson::toString),
                new Output(SARIF, a -> SarifReport.render(a, toolVersion)),
                new Output(MARKDOWN, MarkdownSummary::render),
                new Output(DESTINATIONS, CsvTables::destinations),
                new Output(PARAMETERS, CsvTables::parameters));
    }

    /** Writes each output into {@code dir} and returns the paths written, in order. */
    public static List<Path> write(Assessment a, Path dir, List<Output> outputs) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Output o : outputs) {
            written.add(Files.writeString(dir.resolve(o.fileName()), o.render().apply(a), StandardCharsets.UTF_8));
        }
        return written;
    }
}
