package dev.phonehome.apk.scan;

import dev.phonehome.core.Problem;
import java.util.List;

/**
 * The scan document: every distinct app of a firmware, apps grouped by signer, and the
 * problems of the firmware as a whole. Serialised as canonical JSON; {@link #SCHEMA} names
 * the version of its layout, documented in {@code docs/scan-schema.md}.
 *
 * @param schema         layout version of this document
 * @param source         what was scanned, e.g. {@code directory sample-firmware}
 * @param apps           one report per distinct file (by SHA-256), sorted by first location
 * @param signers        apps grouped by signing certificate
 * @param problems       problems of the firmware as a whole (unreadable folders, broken archive members)
 */
public record FirmwareScan(String schema, String source, Summary summary, List<AppReport> apps,
        List<SignerCluster> signers, List<Problem> problems) {
    public static final String SCHEMA = "phonehome.scan/1";

    /**
     * @param apkFiles     APK files found, duplicates included
     * @param distinctApps distinct files by SHA-256
     * @param partialApps  apps with at least one problem
     * @param classes      classes defined over all distinct apps
     */
    public record Summary(int apkFiles, int distinctApps, int partialApps, long classes) {
    }
}
