package dev.phonehome.cli;

import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.traffic.capture.CaptureFormatException;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import dev.phonehome.traffic.flow.TrafficConnection;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.flow.TrafficReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code phonehome traffic}: the HTTP exchanges of a capture, decrypted with its TLS key log. */
@Command(name = "traffic", mixinStandardHelpOptions = true,
        description = "Decrypt a capture (pcap, pcapng, HAR) into HTTP exchanges: which app sent what to which server.")
final class TrafficCommand implements Callable<Integer> {
    enum Format { text, json, har }

    /** Progress advances once per this many capture bytes read. */
    private static final int PROGRESS_UNIT = 1 << 16;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CAPTURE", description = "A pcap or pcapng file (optionally .gz) or a HAR file.")
    Path capture;

    @Option(names = "--keylog", paramLabel = "FILE",
            description = "TLS key log (SSLKEYLOGFILE format), added to secrets embedded in a pcapng.")
    Path keyLogFile;

    @Option(names = "--app", paramLabel = "PKG", description = "Only exchanges of this Android package (PCAPdroid captures).")
    String app;

    @Option(names = "--host", paramLabel = "GLOB", description = "Only exchanges with a matching host, e.g. '*.miui.com'.")
    String host;

    @Option(names = "--format", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path outFile;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        TrafficFilter filter = TrafficFilter.of(app, host);
        KeyLog keyLog;
        long size;
        try {
            keyLog = keyLogFile == null ? KeyLog.empty() : KeyLog.parse(keyLogFile);
        } catch (IOException e) {
            return inputError(keyLogFile, "key log unreadable: " + e);
        }
        try {
            size = Files.size(capture);
        } catch (IOException e) {
            return inputError(capture, "capture unreadable: " + e);
        }
        try (OutputStream file = outFile == null ? null : Files.newOutputStream(outFile)) {
            PrintStream out = file == null ? Main.stdout() : new PrintStream(file, false, StandardCharsets.UTF_8);
            return run(filter, keyLog, size, out);
        }
    }

    private int run(TrafficFilter filter, KeyLog keyLog, long size, PrintStream out) {
        TrafficText text = new TrafficText(out);
        List<TrafficExchange> kept = new ArrayList<>();
        long[] shown = {0};
        Consumer<TrafficExchange> sink = x -> {
            if (!filter.keeps(x)) {
                return;
            }
            shown[0]++;
            if (format == Format.text) {
                text.exchange(x);
            } else {
                kept.add(x);
            }
        };
        TrafficReport report;
        String name = capture.getFileName().toString();
        try (Progress progress = Progress.onTerminal("reading", (int) Math.min(Integer.MAX_VALUE, size / PROGRESS_UNIT), quiet)) {
            long[] steps = {0};
            TrafficAnalyzer analyzer = new TrafficAnalyzer(TrafficAnalyzer.DEFAULT_MAX_BODY_BYTES, read -> {
                while (steps[0] < read / PROGRESS_UNIT) {
                    steps[0]++;
                    progress.step(name);
                }
            });
            report = analyzer.analyze(capture, keyLog, sink);
        } catch (CaptureFormatException | IOException e) {
            return inputError(capture, e.getMessage());
        }
        List<TrafficConnection> connections = report.connections().stream().filter(filter::keeps).toList();
        switch (format) {
            case text -> text.end(report, connections, shown[0]);
            case json -> CanonicalJson.write(new TrafficReport(report.schema(), report.capture(), connections, kept,
                    report.problems()), out);
            case har -> TrafficHar.write(kept, Versions.number(spec), out);
        }
        out.flush();
        return ExitCode.OK;
    }

    private int inputError(Path file, String message) {
        spec.commandLine().getErr().println("phonehome traffic: " + file + ": " + message);
        return ExitCode.INPUT;
    }
}
