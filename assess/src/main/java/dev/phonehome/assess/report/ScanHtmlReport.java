package dev.phonehome.assess.report;

import dev.phonehome.apk.scan.AppReport;
import dev.phonehome.apk.scan.DexSummary;
import dev.phonehome.apk.scan.FirmwareScan;
import dev.phonehome.apk.scan.ManifestView;
import dev.phonehome.apk.scan.SignerCluster;
import dev.phonehome.apk.manifest.Component;
import dev.phonehome.apk.signing.SignerInfo;
import dev.phonehome.core.Problem;
import dev.phonehome.core.finding.Evidence;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The scan as one self-contained HTML page: summary cards, findings by severity, one
 * collapsible section per app (manifest facts, exported components, findings with evidence,
 * signers, problems), signer clusters. A person reads this rather than the JSON.
 */
public final class ScanHtmlReport {
    private ScanHtmlReport() {
    }

    public static String render(FirmwareScan scan) {
        Html h = new Html().begin("phonehome scan: " + scan.source(),
                scan.summary().distinctApps() + " apps, " + scan.summary().classes() + " classes");
        summary(h, scan);
        findings(h, scan);
        h.raw("<h2>Apps</h2><p><input id=\"filter\" type=\"search\" placeholder=\"Filter apps, findings, permissions…\"></p>");
        for (AppReport app : scan.apps()) {
            app(h, app);
        }
        signers(h, scan.signers());
        problems(h, scan.problems(), "Firmware problems");
        return h.end();
    }

    private static void summary(Html h, FirmwareScan scan) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        scan.apps().forEach(a -> a.findings().forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum)));
        h.raw("<div class=\"cards\">");
        card(h, "APK files", scan.summary().apkFiles());
        card(h, "distinct apps", scan.summary().distinctApps());
        card(h, "apps with problems", scan.summary().partialApps());
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            card(h, s.name().toLowerCase(java.util.Locale.ROOT) + " findings", bySeverity.getOrDefault(s, 0));
        }
        h.raw("</div>");
    }

    private static void card(Html h, String label, Object value) {
        h.raw("<div class=\"card\"><b>").text(value).raw("</b>").text(label).raw("</div>");
    }

    private static void findings(Html h, FirmwareScan scan) {
        List<Finding> all = scan.apps().stream().flatMap(a -> a.findings().stream()).sorted().toList();
        h.raw("<h2>Findings</h2>");
        if (all.isEmpty()) {
            h.raw("<p class=\"muted\">No findings.</p>");
            return;
        }
        h.raw("<table><thead><tr><th>severity</th><th>app</th><th>finding</th><th>evidence level</th><th>rule</th></tr></thead><tbody>");
        for (Finding f : all) {
            h.raw("<tr data-search=\"").text(f.subject() + " " + f.title() + " " + f.rule()).raw("\"><td>");
            severity(h, f.severity());
            h.raw("</td><td class=\"mono\">").text(f.subject()).raw("</td><td>").text(f.title()).raw("</td><td>")
                    .text(f.level().name().toLowerCase(java.util.Locale.ROOT)).raw("</td><td class=\"mono\">")
                    .text(f.rule()).raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }

    private static void severity(Html h, Severity s) {
        h.raw("<span class=\"sev sev-").raw(s.name()).raw("\">").raw(s.name()).raw("</span>");
    }

    private static void app(Html h, AppReport app) {
        String pkg = app.packageName().orElse("(manifest unreadable)");
        h.raw("<details class=\"app\" data-search=\"").text(pkg + " " + String.join(" ", app.locations()) + " "
                + app.findings().stream().map(Finding::title).reduce("", (a, b) -> a + " " + b)
                + app.manifest().map(m -> m.usesPermissions().toString()).orElse(""))
                .raw("\"><summary><b class=\"mono\">").text(pkg).raw("</b> ").text(app.label().orElse(""))
                .raw(" <span class=\"muted mono\">").text(app.locations().get(0)).raw("</span> ");
        app.findings().stream().map(Finding::severity).distinct().forEach(s -> severity(h, s));
        h.raw("</summary><div>");
        facts(h, app);
        app.manifest().ifPresent(m -> manifest(h, m));
        for (Finding f : app.findings()) {
            h.raw("<p>");
            severity(h, f.severity());
            h.raw(" <b>").text(f.title()).raw("</b> <span class=\"tag\">").text(f.level()).raw("</span> <span class=\"tag mono\">")
                    .text(f.fingerprint()).raw("</span></p><ul class=\"evidence\">");
            for (Evidence e : f.evidence()) {
                h.raw("<li><span class=\"tag\">").text(e.kind()).raw("</span> <code>").text(e.location())
                        .raw("</code> ").text(e.detail()).raw("</li>");
            }
            h.raw("</ul>");
        }
        app.signing().ifPresent(s -> {
            h.raw("<p><b>Signing</b>: ").text(s.signed() ? "schemes " + String.join(", ", s.schemes()) : "unsigned")
                    .text(s.verified() ? ", verified" : ", NOT verified").raw("</p><ul class=\"evidence\">");
            for (SignerInfo signer : s.signers()) {
                h.raw("<li><code>").text(signer.certificate().sha256()).raw("</code> ").text(signer.certificate().subject());
                signer.certificate().known().ifPresent(k -> h.raw(" <span class=\"sev sev-HIGH\">").text(k.name()).raw("</span>"));
                h.raw("</li>");
            }
            h.raw("</ul>");
        });
        problems(h, app.problems(), "Problems");
        h.raw("</div></details>\n");
    }

    private static void facts(Html h, AppReport app) {
        h.raw("<table><tbody>");
        row(h, "locations", String.join("\n", app.locations()));
        row(h, "partition", app.partition() + (app.privilegedFolder() ? " (priv-app)" : ""));
        row(h, "SHA-256", app.sha256());
        row(h, "container", app.container() + (app.splits().isEmpty() ? "" : " " + app.splits()));
        int classes = app.dex().stream().mapToInt(DexSummary::classes).sum();
        row(h, "DEX", app.dex().size() + " files, " + classes + " classes");
        h.raw("</tbody></table>");
    }

    private static void manifest(Html h, ManifestView m) {
        h.raw("<table><tbody>");
        row(h, "version", m.versionName() + " (" + m.versionCode() + ")");
        row(h, "SDK", "min " + m.minSdk() + ", target " + m.targetSdk());
        m.sharedUserId().ifPresent(u -> row(h, "shared user", u));
        row(h, "flags", (m.application().debuggable() ? "debuggable " : "")
                + (m.application().allowBackup() ? "allowBackup " : "")
                + (m.application().usesCleartextTraffic() ? "cleartext-traffic " : ""));
        row(h, "permissions", String.join("\n", m.usesPermissions().stream().map(ManifestView.PermissionUse::name).toList()));
        List<String> exported = m.application().components().stream().filter(Component::exported)
                .map(c -> c.kind() + " " + c.name() + (c.permission() == null ? "" : " (" + c.permission() + ")")).toList();
        row(h, "exported components", String.join("\n", exported));
        h.raw("</tbody></table>");
    }

    private static void row(Html h, String key, String value) {
        h.raw("<tr><th>").text(key).raw("</th><td class=\"mono\" style=\"white-space:pre-line\">").text(value)
                .raw("</td></tr>");
    }

    private static void signers(Html h, List<SignerCluster> clusters) {
        h.raw("<h2>Signers</h2><table><thead><tr><th>certificate SHA-256</th><th>subject</th><th>apps</th><th>notes</th></tr></thead><tbody>");
        for (SignerCluster c : clusters) {
            h.raw("<tr><td class=\"mono\">").text(c.sha256()).raw("</td><td>").text(c.subject())
                    .raw("</td><td class=\"mono\" style=\"white-space:pre-line\">").text(String.join("\n", c.apps()))
                    .raw("</td><td>").text((c.platform() ? "platform key: apps run with system privileges. " : "")
                            + c.known().map(k -> "known key: " + k).orElse(""))
                    .raw("</td></tr>");
        }
        h.raw("</tbody></table>");
    }

    private static void problems(Html h, List<Problem> problems, String heading) {
        if (problems.isEmpty()) {
            return;
        }
        h.raw("<p><b>").text(heading).raw("</b></p><ul class=\"evidence\">");
        for (Problem p : problems) {
            h.raw("<li><code>").text(p.code()).raw("</code> <code>").text(p.subject()).raw("</code> ").text(p.message())
                    .raw("</li>");
        }
        h.raw("</ul>");
    }
}
