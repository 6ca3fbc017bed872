package dev.phonehome.cli;

import dev.phonehome.apk.detect.Detectors;
import dev.phonehome.assess.report.ScanHtmlReport;
import dev.phonehome.apk.firmware.FirmwareSource;
import dev.phonehome.apk.scan.ApkScanner;
import dev.phonehome.apk.scan.FirmwareScan;
import dev.phonehome.apk.scan.FirmwareScanner;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.core.kb.KnowledgeBase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code phonehome scan}: inventories every APK of a firmware dump. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Inventory every APK of a firmware dump: manifest, permissions, components, DEX, signers.")
final class ScanCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "A dumped image folder, a zip or tar(.gz) of one, an APK or a bundle (.xapk, .apks, .apkm).")
    Path input;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON document to FILE.")
    Path jsonFile;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report to FILE.")
    Path htmlFile;

    @Option(names = "--format", defaultValue = "text", description = "Standard output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--threads", paramLabel = "N", description = "Apps scanned at once (default: number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--classes", description = "List every class name of each app in the JSON.")
    boolean classes;

    @Mixin
    SigningOptions signing;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit with 1 when a finding is at least this severe: ${COMPLETION-CANDIDATES}.")
    Severity failOn;

    @Override
    public Integer call() throws IOException {
        PrintStream out = Main.stdout();
        FirmwareScan scan;
        try (FirmwareSource source = FirmwareSource.open(input)) {
            try (Progress progress = Progress.onTerminal("scanning", source.apks().size(), quiet)) {
                ApkScanner apps = new ApkScanner(SigningOptions.inspector(signing.v1Policy()), Detectors.all(),
                        KnowledgeBase.load(), classes);
                scan = new FirmwareScanner(apps, threads)
                        .scan(source, progress::step);
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("phonehome scan: " + e.getMessage());
            return ExitCode.INPUT;
        }
        if (jsonFile != null) {
            try (OutputStream file = Files.newOutputStream(jsonFile)) {
                CanonicalJson.write(scan, file);
            }
        }
        if (htmlFile != null) {
            Files.writeString(htmlFile, ScanHtmlReport.render(scan), StandardCharsets.UTF_8);
        }
        if (format == Format.json) {
            CanonicalJson.write(scan, out);
        } else {
            new ScanSummary(scan).print(out);
        }
        if (scan.summary().apkFiles() == 0 && !scan.problems().isEmpty()) {
            return ExitCode.INPUT;
        }
        boolean over = failOn != null && scan.apps().stream().flatMap(a -> a.findings().stream())
                .anyMatch(f -> f.severity().atLeast(failOn));
        return over ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
