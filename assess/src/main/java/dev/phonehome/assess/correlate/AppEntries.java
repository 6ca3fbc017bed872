package dev.phonehome.assess.correlate;

import dev.phonehome.apk.scan.AppReport;
import dev.phonehome.apk.scan.FirmwareScan;
import dev.phonehome.apk.scan.ManifestView;
import dev.phonehome.apk.scan.SignerCluster;
import dev.phonehome.assess.model.AppEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The apps of a firmware scan as assessment entries, with why each is privileged. */
public final class AppEntries {
    private AppEntries() {
    }

    public static List<AppEntry> of(FirmwareScan scan) {
        Set<String> platformSigned = scan.signers().stream().filter(SignerCluster::platform)
                .flatMap(c -> c.apps().stream()).collect(Collectors.toSet());
        return scan.apps().stream().map(app -> entry(app, platformSigned))
                .sorted(Comparator.comparing(AppEntry::id)).toList();
    }

    private static AppEntry entry(AppReport app, Set<String> platformSigned) {
        String id = app.packageName().orElse(app.locations().get(0));
        List<String> privileges = new ArrayList<>();
        if (app.privilegedFolder()) {
            privileges.add("priv-app");
        }
        app.manifest().filter(ManifestView::platformSharedUser).flatMap(ManifestView::sharedUserId)
                .ifPresent(uid -> privileges.add("shared-uid:" + uid));
        if (platformSigned.contains(id)) {
            privileges.add("platform-key");
        }
        List<String> trackers = app.findings().stream().filter(f -> f.rule().equals("tracker.sdk"))
                .map(f -> f.attributes().get("tracker")).filter(t -> t != null).toList();
        return new AppEntry(id, app.label(), app.manifest().map(ManifestView::versionName).filter(v -> v != null),
                app.locations(), app.partition().name(), privileges, app.sha256(), trackers, app.findings());
    }
}
