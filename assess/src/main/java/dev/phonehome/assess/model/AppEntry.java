package dev.phonehome.assess.model;

import dev.phonehome.core.finding.Finding;
import java.util.List;
import java.util.Optional;

/**
 * One distinct app of the firmware as the assessment sees it.
 *
 * @param id          package name, or the first location when the manifest was unreadable
 * @param label       the app's label
 * @param version     version name, when the manifest has one
 * @param locations   every place in the image holding the app, sorted
 * @param partition   partition of the first location, e.g. {@code SYSTEM}
 * @param privileges  why the app runs with more than user privileges, sorted: {@code priv-app},
 *                    {@code shared-uid:android.uid.system}, {@code platform-key}; empty for none
 * @param sha256      SHA-256 of the file
 * @param trackers    tracker ids of the SDKs found in its code, sorted
 * @param findings    its static findings, most severe first
 */
public record AppEntry(String id, Optional<String> label, Optional<String> version, List<String> locations,
                       String partition, List<String> privileges, String sha256, List<String> trackers,
                       List<Finding> findings) {
    public AppEntry {
        locations = List.copyOf(locations);
        privileges = privileges.stream().sorted().toList();
        trackers = trackers.stream().sorted().distinct().toList();
        findings = findings.stream().sorted().toList();
    }

    /** Whether the app runs with system privileges (the factor {@code privileged_app} of the scoring). */
    public boolean privileged() {
        return !privileges.isEmpty();
    }
}
