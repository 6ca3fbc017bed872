package dev.phonehome.apk.scan;

import dev.phonehome.apk.firmware.Partition;
import dev.phonehome.apk.signing.SigningReport;
import dev.phonehome.core.Problem;
import dev.phonehome.core.finding.Finding;
import java.util.List;
import java.util.Optional;

/**
 * The inventory of one distinct APK (or app bundle) of a firmware.
 *
 * @param sha256            SHA-256 of the file: the app's identity in the report
 * @param size              file size in bytes
 * @param locations         every place in the image holding these exact bytes, sorted
 * @param partition         partition of the first location
 * @param privilegedFolder  whether any location is a {@code priv-app} folder
 * @param container         {@code APK}, or the bundle format ({@code XAPK}, {@code APKS}...)
 * @param splits            APKs inside a bundle, in bundle order; empty for a plain APK
 * @param manifest          the decoded manifest, absent when it could not be read
 * @param label             the app label, resolved through resources.arsc when it is a reference
 * @param dex               each DEX file found, including DEX inside nested archives
 * @param classes           every class name defined in the app's DEX files, sorted; only when asked for
 * @param signing           signature schemes, signers and verification
 * @param findings          what the static detectors found, most severe first
 * @param problems          coded problems of this app; the rest of the report is still valid
 */
public record AppReport(String sha256, long size, List<String> locations, Partition partition,
        boolean privilegedFolder, String container, List<String> splits, Optional<ManifestView> manifest,
        Optional<String> label, List<DexSummary> dex, Optional<List<String>> classes, Optional<SigningReport> signing,
        List<Finding> findings, List<Problem> problems) {

    public AppReport {
        locations = List.copyOf(locations);
        splits = List.copyOf(splits);
        dex = List.copyOf(dex);
        findings = findings.stream().sorted().toList();
        problems = problems.stream().sorted().toList();
    }

    /** The package name, or empty when the manifest could not be read. */
    public Optional<String> packageName() {
        return manifest.map(ManifestView::packageName);
    }

    /** Whether anything went wrong reading part of this app. */
    public boolean partial() {
        return !problems.isEmpty();
    }
}
