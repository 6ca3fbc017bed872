package dev.phonehome.apk.detect;

import dev.phonehome.core.finding.Finding;
import java.util.List;

/**
 * One kind of static finding. A detector reads an {@link AppContext} and returns its findings;
 * it never throws for bad input (malformed parts are skipped), and it must be thread-safe
 * because apps are scanned in parallel. Register new detectors in {@link Detectors}.
 */
public interface Detector {
    /** Stable id, also the prefix of the rule ids this detector emits, e.g. {@code tracker}. */
    String id();

    List<Finding> detect(AppContext app);
}
