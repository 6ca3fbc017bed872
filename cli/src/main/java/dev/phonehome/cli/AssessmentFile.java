package dev.phonehome.cli;

import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.AssessmentJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** Reading an assessment.json and writing a rendered report, for {@code report} and {@code compare}. */
final class AssessmentFile {
    private AssessmentFile() {
    }

    /** The document, or empty after telling the user on standard error why the file cannot be used. */
    static Optional<Assessment> read(Path file, CommandSpec spec) {
        try {
            return Optional.of(AssessmentJson.read(file));
        } catch (AssessmentJson.UnreadableException e) {
            spec.commandLine().getErr().println("phonehome " + spec.name() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes {@code text} to {@code out}, or to standard output when it is null. */
    static void emit(String text, Path out) throws IOException {
        if (out == null) {
            Main.stdout().print(text);
        } else {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
    }
}
