package dev.phonehome.cli;

import dev.phonehome.core.device.DeviceProfile;
import dev.phonehome.core.device.DeviceProfileException;
import dev.phonehome.core.geo.Geodata;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.traffic.capture.CaptureFormatException;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import dev.phonehome.traffic.flow.TrafficConnection;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.flow.TrafficReport;
import dev.phonehome.traffic.privacy.PrivacyAnalyzer;
import dev.phonehome.traffic.privacy.PrivacyReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    PrivacyOptions privacy;

    @Option(names = "--exchanges-only",
            description = "Only decrypt and list exchanges: no SDK, personal-data or destination analysis.")
    boolean exchangesOnly;

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
        Optional<DeviceProfile> profile;
        try {
            profile = privacy.profile();
        } catch (DeviceProfileException e) {
            return inputError(privacy.deviceFile, e.getMessage());
        }
        try (Geodata geodata = exchangesOnly ? Geodata.none() : privacy.geodata();
             OutputStream file = outFile == null ? null : Files.newOutputStream(outFile)) {
            Optional<PrivacyAnalyzer> analysis = exchangesOnly ? Optional.empty()
                    : Optional.of(PrivacyOptions.analyzer(KnowledgeBase.load(), profile, geodata));
            PrintStream out = file == null ? Main.stdout() : new PrintStream(new BufferedOutputStream(file, 1 << 16), false,
                    StandardCharsets.UTF_8);
            return run(filter, keyLog, size, out, analysis);
        }
    }

    private int run(TrafficFilter filter, KeyLog keyLog, long size, PrintStream out, Optional<PrivacyAnalyzer> analysis)
            throws IOException {
        TrafficOutput output = new OnFirstUse(() -> switch (format) {
            case text -> new TrafficText(out);
            case json -> new TrafficJson(out);
            case har -> new TrafficHar(out, versionNumber());
        });
        long[] shown = {0};
        Consumer<TrafficExchange> sink = x -> {
            if (filter.keeps(x)) {
                shown[0]++;
                analysis.ifPresent(a -> a.analyze(x));
                try {
                    output.exchange(x);
                } catch (IOException e) {
                    throw new OutputFailure(e);
                }
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
        } catch (OutputFailure e) {
            throw e.getCause(); // writing the output failed, not reading the capture
        } catch (CaptureFormatException | IOException e) {
            return inputError(capture, e.getMessage());
        }
        output.end(report, report.connections().stream().filter(filter::keeps).toList(), shown[0],
                analysis.map(PrivacyAnalyzer::report));
        out.flush();
        return ExitCode.OK;
    }

    /** Carries a failure to write the output out of the analyzer's exchange consumer. */
    private static final class OutputFailure extends RuntimeException {
        OutputFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** Opens the output at the first exchange or at the end, so a file that is no capture writes nothing. */
    private static final class OnFirstUse implements TrafficOutput {
        interface Opener {
            TrafficOutput open() throws IOException;
        }

        private final Opener opener;
        private TrafficOutput output;

        OnFirstUse(Opener opener) {
            this.opener = opener;
        }

        @Override
        public void exchange(TrafficExchange x) throws IOException {
            opened().exchange(x);
        }

        @Override
        public void end(TrafficReport report, List<TrafficConnection> connections, long exchanges,
                        Optional<PrivacyReport> privacy) throws IOException {
            opened().end(report, connections, exchanges, privacy);
        }

        private TrafficOutput opened() throws IOException {
            if (output == null) {
                output = opener.open();
            }
            return output;
        }
    }

    /** "0.1.0" out of the command's version line "phonehome 0.1.0". */
    private String versionNumber() {
        String line = spec.root().version()[0];
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    private int inputError(Path file, String message) {
        spec.commandLine().getErr().println("phonehome traffic: " + file + ": " + message);
        return ExitCode.INPUT;
    }
}
