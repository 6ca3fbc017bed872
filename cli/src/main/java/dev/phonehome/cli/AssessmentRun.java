package dev.phonehome.cli;

import dev.phonehome.apk.detect.Detectors;
import dev.phonehome.apk.firmware.FirmwareSource;
import dev.phonehome.apk.scan.ApkScanner;
import dev.phonehome.apk.scan.FirmwareScan;
import dev.phonehome.apk.scan.FirmwareScanner;
import dev.phonehome.apk.signing.SignatureInspector.V1Policy;
import dev.phonehome.assess.AssessmentInput;
import dev.phonehome.assess.Assessor;
import dev.phonehome.assess.device.DeviceDescription;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.observe.ExchangeObserver;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.assess.register.Suppressions;
import dev.phonehome.assess.rules.RiskRules;
import dev.phonehome.core.Problem;
import dev.phonehome.core.device.DeviceProfile;
import dev.phonehome.core.device.DeviceProfileException;
import dev.phonehome.core.device.DeviceProfiles;
import dev.phonehome.core.geo.Geodata;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.traffic.capture.CaptureFormatException;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import dev.phonehome.traffic.flow.TrafficReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline behind {@code assess} and {@code demo}: scan the firmware, read each capture,
 * read the device description, and assess. A firmware or capture that cannot be read becomes a
 * coded problem and the other inputs are still assessed; {@link #readAny()} says whether any was.
 */
final class AssessmentRun {
    /** Problems kept per capture; the traffic report of a damaged capture can list very many. */
    static final int MAX_CAPTURE_PROBLEMS = 100;

    private final KnowledgeBase kb = KnowledgeBase.load();
    private final List<Problem> problems = new ArrayList<>();
    private boolean readAny;

    /** What to assess; every path but {@code firmware}'s may be null. */
    record Request(Path firmware, List<Path> captures, Path keyLog, Path device, Path geodata,
                   Suppressions suppressions, int threads, V1Policy v1Policy, boolean quiet) {
    }

    Assessment run(Request r) {
        Optional<FirmwareScan> scan = r.firmware() == null ? Optional.empty() : scan(r);
        KeyLog keyLog = keyLog(r.keyLog());
        Optional<DeviceProfile> profile = profile(r.device());
        List<ObservedExchange> exchanges = new ArrayList<>();
        List<String> names = new ArrayList<>();
        PrivacyOptions where = new PrivacyOptions();
        where.geodataDir = r.geodata();
        try (Geodata geodata = where.geodata()) {
            geodata.problems().forEach(problems::add);
            for (Path capture : r.captures()) {
                String name = String.valueOf(capture.getFileName());
                names.add(name);
                readCapture(capture, name, keyLog, new ExchangeObserver(kb, PrivacyOptions.analyzer(kb, profile, geodata)),
                        exchanges);
            }
        } catch (IOException e) {
            problems.add(new Problem("assess.geodata-unreadable", String.valueOf(r.geodata()), e.getMessage()));
        }
        Optional<DeviceDescription> device = profile.map(DeviceDescription::of);
        return new Assessor(kb, RiskRules.load()).assess(new AssessmentInput(scan, names, exchanges, device,
                r.suppressions(), problems));
    }

    private void readCapture(Path capture, String name, KeyLog keyLog, ExchangeObserver observer,
                             List<ObservedExchange> exchanges) {
        try {
            TrafficReport report = new TrafficAnalyzer(TrafficAnalyzer.DEFAULT_MAX_BODY_BYTES, n -> { })
                    .analyze(capture, keyLog, x -> exchanges.add(observer.observe(name, x)));
            report.problems().stream().limit(MAX_CAPTURE_PROBLEMS).forEach(problems::add);
            if (report.problems().size() > MAX_CAPTURE_PROBLEMS) {
                problems.add(new Problem("problems.truncated", name,
                        (report.problems().size() - MAX_CAPTURE_PROBLEMS) + " more capture problems not listed"));
            }
            readAny = true;
        } catch (CaptureFormatException | IOException e) {
            problems.add(new Problem("assess.capture-unreadable", name, e.getMessage()));
        }
    }

    /** The device profile; a file that cannot be read is a problem of the assessment, not its end. */
    private Optional<DeviceProfile> profile(Path file) {
        if (file == null) {
            return Optional.empty();
        }
        try {
            DeviceProfile p = DeviceProfiles.read(file);
            problems.addAll(p.warnings());
            return Optional.of(p);
        } catch (DeviceProfileException e) {
            problems.add(new Problem("device.unreadable", String.valueOf(file.getFileName()), e.getMessage()));
            return Optional.empty();
        }
    }

    /** Whether at least the firmware or one capture could be read. */
    boolean readAny() {
        return readAny;
    }

    private Optional<FirmwareScan> scan(Request r) {
        Path firmware = r.firmware();
        try (FirmwareSource source = FirmwareSource.open(firmware)) {
            try (Progress progress = Progress.onTerminal("scanning", source.apks().size(), r.quiet())) {
                ApkScanner apps = new ApkScanner(SigningOptions.inspector(r.v1Policy()), Detectors.all(), kb, false);
                FirmwareScan scan = new FirmwareScanner(apps, r.threads()).scan(source, progress::step);
                readAny = scan.summary().apkFiles() > 0;
                return Optional.of(scan);
            }
        } catch (IOException e) {
            problems.add(new Problem("assess.firmware-unreadable", String.valueOf(firmware.getFileName()),
                    e.getMessage()));
            return Optional.empty();
        }
    }

    private KeyLog keyLog(Path file) {
        if (file == null) {
            return KeyLog.empty();
        }
        try {
            return KeyLog.parse(file);
        } catch (IOException e) {
            problems.add(new Problem("assess.keylog-unreadable", String.valueOf(file.getFileName()), e.getMessage()));
            return KeyLog.empty();
        }
    }
}
