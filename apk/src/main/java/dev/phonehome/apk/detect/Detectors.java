package dev.phonehome.apk.detect;

import dev.phonehome.core.Problem;
import dev.phonehome.core.finding.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of static detectors, in the order they run. Adding a detector is one class
 * plus one line here; the order is explicit so reports are stable.
 */
public final class Detectors {
    private final List<Detector> detectors;

    public Detectors(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /** Every detector phonehome ships. */
    public static Detectors all() {
        return new Detectors(List.of(new TrackerDetector(),
                new EndpointDetector(),
                new ManifestSecurityDetector(),
                new SigningKeyDetector(),
                new KeywordListDetector(),
                new CapabilityDetector(),
                new AnalyticsParameterDetector()));
    }

    public List<Detector> list() {
        return detectors;
    }

    /**
     * Runs every detector on {@code app}. A detector that fails costs only its own findings:
     * the failure is recorded as a {@code detector.failed} problem and the others still run.
     */
    public List<Finding> run(AppContext app, List<Problem> problems) {
        List<Finding> findings = new ArrayList<>();
        for (Detector d : detectors) {
            try {
                findings.addAll(d.detect(app));
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(new Problem("detector.failed", app.subject(), d.id() + ": " + e));
            }
        }
        findings.sort(null);
        return findings;
    }
}
