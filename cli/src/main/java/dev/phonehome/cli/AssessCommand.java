package dev.phonehome.cli;

import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.register.Suppressions;
import dev.phonehome.assess.report.AssessmentFiles;
import dev.phonehome.assess.yaml.YamlFileException;
import dev.phonehome.core.finding.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phonehome assess}: firmware and captures of one device into its risk register and reports. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess a device: scan its firmware, read its traffic, link the two, and write the risk register "
                + "as JSON, SARIF, Markdown and CSV.")
final class AssessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--apks", paramLabel = "INPUT", description = "Firmware: a dumped image folder, a zip or tar(.gz) of one, an APK or a bundle.")
    Path apks;

    @Option(names = "--capture", paramLabel = "FILE", description = "A pcap, pcapng or HAR capture of the device's traffic (repeatable).")
    List<Path> captures = new ArrayList<>();

    @Option(names = "--keylog", paramLabel = "FILE", description = "TLS key log (SSLKEYLOGFILE format) for the captures.")
    Path keyLog;

    @Mixin
    PrivacyOptions privacy;

    @Option(names = "--suppress", paramLabel = "FILE", description = "Accepted risks (YAML or JSON): id, fingerprint, reason.")
    Path suppress;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for assessment.json and the reports.")
    Path out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with 1 when an open risk is at least this severe: ${COMPLETION-CANDIDATES}.")
    Severity failOn;

    @Option(names = "--threads", paramLabel = "N", description = "Apps scanned at once (default: number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Mixin
    SigningOptions signing;

    @Override
    public Integer call() throws IOException {
        if (apks == null && captures.isEmpty()) {
            spec.commandLine().getErr().println("phonehome assess: give --apks, --capture or both");
            return ExitCode.USAGE;
        }
        Suppressions suppressions;
        try {
            suppressions = suppress == null ? Suppressions.none() : Suppressions.read(suppress);
        } catch (YamlFileException e) {
            spec.commandLine().getErr().println("phonehome assess: " + e.getMessage());
            return ExitCode.INPUT;
        }
        AssessmentRun run = new AssessmentRun();
        Assessment a = run.run(new AssessmentRun.Request(apks, captures, keyLog, privacy.deviceFile, privacy.geodataDir,
                suppressions, threads, signing.v1Policy(), quiet));
        if (!run.readAny()) {
            a.problems().forEach(p -> spec.commandLine().getErr().println("phonehome assess: " + p.subject() + ": "
                    + p.message()));
            return ExitCode.INPUT;
        }
        List<Path> written = AssessmentFiles.write(a, out, AssessmentFiles.standard(Versions.number(spec)));
        AssessmentText.print(a, written, Main.stdout());
        return exitCode(a, failOn);
    }

    static int exitCode(Assessment a, Severity failOn) {
        boolean over = failOn != null && a.risks().stream().anyMatch(r -> r.open() && r.severity().atLeast(failOn));
        return over ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
