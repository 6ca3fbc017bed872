package dev.phonehome.assess.report;

import dev.phonehome.assess.model.Assessment;
import dev.phonehome.core.json.CanonicalJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The report set of an assessment: every file rendered from the same document, listed in one
 * place, so a new report is one more {@link Output} in {@link #standard}.
 */
public final class AssessmentFiles {
    public static final String JSON = "assessment.json";
    public static final String SARIF = "assessment.sarif";
    public static final String MARKDOWN = "summary.md";
    public static final String DESTINATIONS = "destinations.csv";
    public static final String PARAMETERS = "parameters.csv";
    public static final String HTML = "report.html";

    /** Writes one rendering of an assessment to a stream. */
    @FunctionalInterface
    public interface Renderer {
        void render(Assessment a, OutputStream out) throws IOException;
    }

    /** One report file: its name and how it is rendered. */
    public record Output(String fileName, Renderer renderer) {
        /** A report rendered as one string (UTF-8). */
        public static Output text(String fileName, Function<Assessment, String> render) {
            return new Output(fileName, (a, out) -> out.write(render.apply(a).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private AssessmentFiles() {
    }

    /** The reports {@code phonehome assess} writes, in this order. */
    public static List<Output> standard(String toolVersion) {
        // The JSON is streamed: with every exchange in it, it is by far the largest file.
        return List.of(new Output(JSON, CanonicalJson::write),
                Output.text(SARIF, a -> SarifReport.render(a, toolVersion)),
                Output.text(MARKDOWN, MarkdownSummary::render),
                Output.text(DESTINATIONS, CsvTables::destinations),
                Output.text(PARAMETERS, CsvTables::parameters),
                Output.text(HTML, AssessmentHtmlReport::render));
    }

    /** Writes each output into {@code dir} and returns the paths written, in order. */
    public static List<Path> write(Assessment a, Path dir, List<Output> outputs) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Output o : outputs) {
            Path file = dir.resolve(o.fileName());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                o.renderer().render(a, out);
            }
            written.add(file);
        }
        return written;
    }
}
