package dev.phonehome.cli;

import dev.phonehome.assess.compare.Comparison;
import dev.phonehome.assess.compare.ComparisonText;
import dev.phonehome.assess.compare.DeviceComparison;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.core.json.CanonicalJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code phonehome compare}: several devices' assessments side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Put devices side by side: risks by category, trackers, destinations by jurisdiction, personal data sent.")
final class CompareCommand implements Callable<Integer> {
    enum Format { text, md, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ASSESSMENT", arity = "2..*", description = "Two or more assessment.json files.")
    List<Path> inputs;

    @Option(names = "--format", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Map<String, Assessment> named = new LinkedHashMap<>();
        for (Path input : inputs) {
            Optional<Assessment> read = AssessmentFile.read(input, spec);
            if (read.isEmpty()) {
                return ExitCode.INPUT;
            }
            Assessment a = read.get();
            String name = a.device().map(d -> d.name()).orElse(String.valueOf(input.getFileName()));
            named.put(named.containsKey(name) ? name + " (" + input + ")" : name, a);
        }
        Comparison c = DeviceComparison.of(named);
        String text = switch (format) {
            case text -> ComparisonText.text(c);
            case md -> ComparisonText.markdown(c);
            case json -> CanonicalJson.toString(c);
        };
        AssessmentFile.emit(text, out);
        return ExitCode.OK;
    }
}
