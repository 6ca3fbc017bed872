package dev.phonehome.apk.detect;

import dev.phonehome.apk.manifest.AndroidAttr;
import dev.phonehome.apk.manifest.AndroidManifest;
import dev.phonehome.apk.manifest.AxmlFormatException;
import dev.phonehome.apk.manifest.AxmlParser;
import dev.phonehome.apk.manifest.Component;
import dev.phonehome.apk.manifest.IntentFilter;
import dev.phonehome.apk.zip.ArchiveEntry;
import dev.phonehome.core.finding.Evidence;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.kb.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Weak settings in the manifest: components other apps can reach without a permission, SMS
 * data-port receivers, debuggable builds, backups, cleartext traffic and weak network security
 * configs, platform shared user ids, and platform-only permissions requested without the
 * platform signature.
 */
public final class ManifestSecurityDetector implements Detector {
    /** Components named as evidence per finding; the count attribute says how many there were. */
    static final int SAMPLE = 10;
    /** Largest network security config read. */
    static final long MAX_CONFIG_BYTES = 1L << 20;
    static final String DATA_SMS_RECEIVED = "android.intent.action.DATA_SMS_RECEIVED";
    private static final String MANIFEST = "AndroidManifest.xml";

    @Override
    public String id() {
        return "manifest";
    }

    @Override
    public List<Finding> detect(AppContext app) {
        List<Finding> findings = new ArrayList<>();
        app.manifest().ifPresent(m -> {
            Emitter out = new Emitter(app.subject(), findings);
            exported(app, m, out);
            smsPorts(m, out);
            application(app, m, out);
            networkSecurityConfig(app, m, out);
            sharedUser(app, m, out);
            privilegedPermissions(app, m, out);
        });
        return findings;
    }

    private static void exported(AppContext app, AndroidManifest m, Emitter out) {
        Map<Component.Kind, List<Component>> byKind = new TreeMap<>();
        for (Component c : m.application().components()) {
            if (c.enabled() && c.exported() && c.permission() == null && !launcher(c)) {
                byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
            }
        }
        byKind.forEach((kind, components) -> {
            Severity severity = kind == Component.Kind.ACTIVITY || kind == Component.Kind.ACTIVITY_ALIAS ? Severity.INFO
                    : app.systemApp() ? Severity.MEDIUM : Severity.LOW;
            List<Evidence> evidence = components.stream().sorted((a, b) -> a.name().compareTo(b.name())).limit(SAMPLE)
                    .map(c -> Evidence.of("manifest", MANIFEST + " " + kind.element(), actions(c), c.name())).toList();
            out.emit("manifest.exported-component", kind.element(), components.size() + " exported " + kind.element()
                    + (components.size() == 1 ? "" : "s") + " reachable by any app without a permission", severity,
                    Map.of("kind", kind.element(), "count", String.valueOf(components.size())), evidence);
        });
    }

    /** Launcher activities are meant to be started by other apps. */
    private static boolean launcher(Component c) {
        return c.intentFilters().stream().anyMatch(f -> f.actions().contains("android.intent.action.MAIN"));
    }

    private static String actions(Component c) {
        List<String> actions = c.intentFilters().stream().flatMap(f -> f.actions().stream()).distinct().sorted().toList();
        return actions.isEmpty() ? "no intent filter" : "actions " + String.join(", ", actions);
    }

    private static void smsPorts(AndroidManifest m, Emitter out) {
        boolean systemUid = m.platformSharedUser().isPresent();
        for (Component c : m.application().components()) {
            for (IntentFilter f : c.intentFilters()) {
                if (!f.actions().contains(DATA_SMS_RECEIVED)) {
                    continue;
                }
                for (IntentFilter.Data d : f.data()) {
                    if (d.port() != null) {
                        out.emit("manifest.sms-data-port", c.name() + ":" + d.port(), "Receives binary SMS on port "
                                + d.port() + (systemUid ? " in a system-UID app" : ""),
                                systemUid ? Severity.HIGH : Severity.MEDIUM,
                                Map.of("component", c.name(), "port", d.port(), "exported", String.valueOf(c.exported())),
                                List.of(Evidence.of("manifest", MANIFEST + " " + c.kind().element(),
                                        DATA_SMS_RECEIVED + " port " + d.port(), c.name())));
                    }
                }
            }
        }
    }

    private static void application(AppContext app, AndroidManifest m, Emitter out) {
        if (m.application().debuggable()) {
            out.emit("manifest.debuggable", "debuggable", "Debuggable build: any local debugger can attach",
                    app.systemApp() ? Severity.HIGH : Severity.MEDIUM, Map.of(),
                    List.of(Evidence.of("manifest", MANIFEST + " application", "android:debuggable=\"true\"")));
        }
        if (m.application().allowBackup()) {
            boolean explicit = m.xml().children("application").stream()
                    .anyMatch(a -> a.attribute(AndroidAttr.ALLOW_BACKUP).isPresent());
            out.emit("manifest.allow-backup", "allow-backup", "App data may be copied out by backup",
                    explicit ? Severity.LOW : Severity.INFO, Map.of("explicit", String.valueOf(explicit)),
                    List.of(Evidence.of("manifest", MANIFEST + " application", explicit
                            ? "android:allowBackup=\"true\"" : "android:allowBackup not set (defaults to true)")));
        }
        if (m.application().usesCleartextTraffic() && m.application().networkSecurityConfig() == 0) {
            out.emit("manifest.cleartext-traffic", "manifest", "Cleartext HTTP permitted for every host",
                    Severity.LOW, Map.of("source", "manifest", "targetSdk", String.valueOf(m.targetSdk())),
                    List.of(Evidence.of("manifest", MANIFEST + " application",
                            "android:usesCleartextTraffic is true or defaults to true (target SDK " + m.targetSdk() + ")")));
        }
    }

    private static void networkSecurityConfig(AppContext app, AndroidManifest m, Emitter out) {
        int id = m.application().networkSecurityConfig();
        Optional<String> path = id == 0 ? Optional.empty() : app.resources().flatMap(r -> r.fileReference(id));
        Optional<ArchiveEntry> entry = path.flatMap(p -> app.archive().find(p));
        Optional<NetworkSecurityConfig> config = entry.flatMap(e -> ArchiveFiles.read(app.archive(), e, MAX_CONFIG_BYTES))
                .flatMap(bytes -> parse(app.subject(), bytes));
        if (config.isEmpty()) {
            return;
        }
        NetworkSecurityConfig nsc = config.get();
        String file = path.get();
        if (nsc.userCasEverywhere() || nsc.userCaConfigs() > 0) {
            out.emit("manifest.user-ca-trusted", file, "Trusts user-installed CAs " + (nsc.userCasEverywhere()
                    ? "for every host" : "for " + nsc.userCaConfigs() + " domain configs") + ": TLS can be intercepted",
                    Severity.MEDIUM, Map.of("file", file, "everywhere", String.valueOf(nsc.userCasEverywhere()),
                            "domainConfigs", String.valueOf(nsc.userCaConfigs())),
                    List.of(Evidence.of("file", file, "<certificates src=\"user\"/> in trust-anchors")));
        }
        boolean everywhere = nsc.cleartextBase().orElse(false);
        if (everywhere || nsc.cleartextConfigs() > 0) {
            out.emit("manifest.cleartext-traffic", file, "Cleartext HTTP permitted " + (everywhere ? "for every host"
                    : "for " + nsc.cleartextConfigs() + " domain configs") + " by the network security config",
                    everywhere ? Severity.MEDIUM : Severity.LOW, Map.of("source", file, "everywhere",
                            String.valueOf(everywhere), "domainConfigs", String.valueOf(nsc.cleartextConfigs())),
                    List.of(Evidence.of("file", file, "cleartextTrafficPermitted=\"true\"")));
        }
    }

    private static Optional<NetworkSecurityConfig> parse(String subject, byte[] bytes) {
        try {
            return Optional.of(NetworkSecurityConfig.of(new AxmlParser(subject).parse(bytes).root()));
        } catch (AxmlFormatException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void sharedUser(AppContext app, AndroidManifest m, Emitter out) {
        m.platformSharedUser().ifPresent(uid -> {
            Optional<String> knownKey = SigningKeyDetector.knownKeys(app).stream().findFirst();
            String title = "Runs as the platform user " + uid + knownKey.map(k -> ", signed with the public key " + k)
                    .orElse("");
            Map<String, String> attributes = new TreeMap<>(Map.of("sharedUserId", uid,
                    "platformSigned", String.valueOf(app.platformSigned())));
            knownKey.ifPresent(k -> attributes.put("knownKey", k));
            out.emit("manifest.system-uid", uid, title, knownKey.isPresent() ? Severity.HIGH : Severity.INFO,
                    attributes, List.of(Evidence.of("manifest", MANIFEST + " manifest", "android:sharedUserId=\"" + uid
                            + "\"")));
        });
    }

    private static void privilegedPermissions(AppContext app, AndroidManifest m, Emitter out) {
        if (app.platformSigned()) {
            return;
        }
        List<Permission> platformOnly = m.usesPermissionNames().stream()
                .flatMap(name -> app.kb().permissions().byName(name).stream())
                .filter(p -> p.protection().startsWith("signature") || p.flags().contains("privileged")).toList();
        if (platformOnly.isEmpty()) {
            return;
        }
        List<Evidence> evidence = platformOnly.stream().limit(SAMPLE).map(p -> Evidence.of("manifest",
                MANIFEST + " uses-permission", p.protection() + (p.flags().isEmpty() ? "" : "|"
                        + String.join("|", p.flags())), p.name())).toList();
        out.emit("manifest.privileged-permission", "privileged-permission", "Requests " + platformOnly.size()
                + " signature or privileged permissions without the platform signature"
                + (app.platformKnown() ? "" : " (platform key unknown: no framework-res.apk scanned)"),
                app.privilegedFolder() ? Severity.MEDIUM : Severity.LOW, Map.of("count",
                        String.valueOf(platformOnly.size()), "privilegedFolder", String.valueOf(app.privilegedFolder()),
                        "source", app.kb().permissions().source()), evidence);
    }

    /** Adds findings of this detector for one app. */
    private record Emitter(String subject, List<Finding> findings) {
        void emit(String rule, String key, String title, Severity severity, Map<String, String> attributes,
                List<Evidence> evidence) {
            findings.add(Finding.of(rule, subject, key, title, severity, EvidenceLevel.PRESENT, attributes, evidence));
        }
    }
}
