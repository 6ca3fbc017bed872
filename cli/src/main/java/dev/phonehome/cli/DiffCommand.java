package dev.phonehome.cli;

import dev.phonehome.assess.diff.CaptureDiff;
import dev.phonehome.assess.diff.Changes;
import dev.phonehome.core.device.DeviceProfile;
import dev.phonehome.core.device.DeviceProfileException;
import dev.phonehome.core.geo.Geodata;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.traffic.capture.CaptureFormatException;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import dev.phonehome.traffic.privacy.PrivacyAnalyzer;
import dev.phonehome.traffic.privacy.PrivacyReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code phonehome diff A B}: what two captures of one phone send differently. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two captures of the same phone (e.g. before and after opting out): destinations, SDKs, "
                + "parameters and personal data that appear, vanish or persist.")
final class DiffCommand implements Callable<Integer> {
    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "BEFORE", description = "The first capture (pcap, pcapng, HAR).")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER", description = "The second capture.")
    Path after;

    @Option(names = "--keylog", paramLabel = "FILE",
            description = "TLS key log for both captures, added to secrets embedded in a pcapng.")
    Path keyLogFile;

    @Mixin
    PrivacyOptions privacy;

    @Option(names = "--format", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        KeyLog keyLog;
        Optional<DeviceProfile> profile;
        try {
            keyLog = keyLogFile == null ? KeyLog.empty() : KeyLog.parse(keyLogFile);
            profile = privacy.profile();
        } catch (IOException | DeviceProfileException e) {
            System.err.println("phonehome diff: " + e.getMessage());
            return ExitCode.INPUT;
        }
        KnowledgeBase kb = KnowledgeBase.load();
        try (Geodata geodata = privacy.geodata()) {
            PrivacyReport a = analyze(before, keyLog, PrivacyOptions.analyzer(kb, profile, geodata));
            PrivacyReport b = analyze(after, keyLog, PrivacyOptions.analyzer(kb, profile, geodata));
            CaptureDiff diff = CaptureDiff.of(name(before), a, name(after), b);
            PrintStream out = Main.stdout();
            if (format == Format.json) {
                CanonicalJson.write(diff, out);
            } else {
                print(diff, out);
            }
            out.flush();
            return ExitCode.OK;
        } catch (IOException | CaptureFormatException e) {
            System.err.println("phonehome diff: " + e.getMessage());
            return ExitCode.INPUT;
        }
    }

    private static PrivacyReport analyze(Path capture, KeyLog keyLog, PrivacyAnalyzer analyzer)
            throws IOException, CaptureFormatException {
        try {
            new TrafficAnalyzer().analyze(capture, keyLog, analyzer::analyze);
        } catch (NoSuchFileException e) {
            throw new IOException(capture + ": no such file", e);
        } catch (IOException e) {
            throw new IOException(capture + ": " + e.getMessage(), e);
        }
        return analyzer.report();
    }

    private static String name(Path p) {
        return String.valueOf(p.getFileName());
    }

    static void print(CaptureDiff diff, PrintStream out) {
        out.println("phonehome diff: " + diff.before() + " -> " + diff.after()
                + (diff.changed() ? "" : " (no differences)"));
        section(out, "Destinations", diff.destinations());
        section(out, "SDKs", diff.sdks());
        section(out, "Personal data", diff.personalData());
        section(out, "Parameters", diff.parameters());
    }

    private static void section(PrintStream out, String title, Changes c) {
        out.println();
        out.printf("%s: %d appeared, %d vanished, %d persisted%n", title, c.appeared().size(), c.vanished().size(),
                c.persisted().size());
        list(out, "+", c.appeared());
        list(out, "-", c.vanished());
        list(out, "=", c.persisted());
    }

    private static void list(PrintStream out, String mark, List<String> items) {
        items.forEach(i -> out.println("  " + mark + " " + i));
    }
}
