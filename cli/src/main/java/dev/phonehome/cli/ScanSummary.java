package dev.phonehome.cli;

import dev.phonehome.apk.scan.ManifestView;
import dev.phonehome.apk.scan.AppReport;
import dev.phonehome.apk.scan.DexSummary;
import dev.phonehome.apk.scan.FirmwareScan;
import dev.phonehome.apk.scan.SignerCluster;
import dev.phonehome.core.Problem;
import dev.phonehome.core.finding.Finding;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The terminal rendering of a scan: one line per app, then signers and problems. */
final class ScanSummary {
    private final FirmwareScan scan;

    ScanSummary(FirmwareScan scan) {
        this.scan = scan;
    }

    void print(PrintStream out) {
        FirmwareScan.Summary s = scan.summary();
        out.printf("phonehome scan of %s: %d APK files, %d distinct apps, %d classes, %d apps with problems%n%n",
                scan.source(), s.apkFiles(), s.distinctApps(), s.classes(), s.partialApps());
        out.printf("%-48s %-40s %8s %6s %5s %7s %s%n", "LOCATION", "PACKAGE", "VERSION", "TARGET", "PERMS",
                "CLASSES", "NOTES");
        for (AppReport app : scan.apps()) {
            String pkg = app.packageName().orElse("?");
            String version = app.manifest().map(m -> String.valueOf(m.versionCode())).orElse("?");
            String target = app.manifest().map(m -> String.valueOf(m.targetSdk())).orElse("?");
            String perms = app.manifest().map(m -> String.valueOf(m.usesPermissions().size())).orElse("?");
            long classes = app.dex().stream().mapToLong(DexSummary::classes).sum();
            out.printf("%-48s %-40s %8s %6s %5s %7d %s%n", shorten(app.locations().get(0), 48), shorten(pkg, 40),
                    version, target, perms, classes, notes(app));
        }
        printAggregates(out);
        printFindings(out);
        out.println();
        out.println("Signers:");
        for (SignerCluster c : scan.signers()) {
            out.printf("  %s  %-3d apps  %s%s%s%n", c.sha256().substring(0, 16), c.apps().size(), c.subject(),
                    c.platform() ? "  [platform key: apps run with system privileges]" : "",
                    c.known().map(k -> "  [known key: " + k + "]").orElse(""));
        }
        if (!scan.problems().isEmpty()) {
            out.println();
            out.println("Firmware problems:");
            for (Problem p : scan.problems()) {
                out.printf("  %s  %s: %s%n", p.code(), p.subject(), p.message());
            }
        }
    }

    /** Firmware-wide view: which trackers, in how many apps, and which apps can send SMS. */
    private void printAggregates(PrintStream out) {
        Map<String, TreeSet<String>> trackers = new TreeMap<>();
        TreeSet<String> sms = new TreeSet<>();
        for (AppReport app : scan.apps()) {
            for (Finding f : app.findings()) {
                if (f.rule().equals("tracker.sdk")) {
                    String owner = f.attributes().getOrDefault("organisation", "?") + ", "
                            + f.attributes().getOrDefault("country", "?");
                    trackers.computeIfAbsent(f.attributes().get("name") + " (" + owner + ")", k -> new TreeSet<>())
                            .add(f.subject());
                } else if (f.rule().startsWith("capability.sms")) {
                    sms.add(f.subject());
                }
            }
        }
        if (!trackers.isEmpty()) {
            out.println();
            out.println("Trackers:");
            trackers.entrySet().stream()
                    .sorted((a, b) -> b.getValue().size() != a.getValue().size() ? b.getValue().size() - a.getValue().size()
                            : a.getKey().compareTo(b.getKey()))
                    .forEach(e -> out.printf("  %-3d apps  %s%n", e.getValue().size(), e.getKey()));
        }
        if (!sms.isEmpty()) {
            out.println();
            out.println("Apps that can send SMS: " + String.join(", ", sms));
        }
    }

    private void printFindings(PrintStream out) {
        boolean any = scan.apps().stream().anyMatch(a -> !a.findings().isEmpty());
        if (!any) {
            return;
        }
        out.println();
        out.println("Findings:");
        for (AppReport app : scan.apps()) {
            for (Finding f : app.findings()) {
                out.printf("  %-8s %-40s %s  [%s]%n", f.severity(), shorten(f.subject(), 40), f.title(),
                        f.level().name().toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String notes(AppReport app) {
        StringBuilder sb = new StringBuilder();
        if (app.privilegedFolder()) {
            sb.append("priv-app ");
        }
        app.manifest().filter(ManifestView::platformSharedUser).flatMap(ManifestView::sharedUserId)
                .ifPresent(u -> sb.append(u).append(' '));
        if (app.manifest().map(m -> m.application().debuggable()).orElse(false)) {
            sb.append("debuggable ");
        }
        if (app.signing().map(r -> !r.signed()).orElse(false)) {
            sb.append("unsigned ");
        } else if (app.signing().map(r -> !r.verified()).orElse(false)) {
            sb.append("signature-not-verified ");
        }
        if (!"APK".equals(app.container())) {
            sb.append(app.container()).append(' ');
        }
        if (app.partial()) {
            sb.append(app.problems().size()).append(" problems");
        }
        return sb.toString().trim();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max + 1);
    }
}
