package dev.phonehome.apk.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.apk.firmware.ApkInput;
import dev.phonehome.apk.scan.AppReport;
import dev.phonehome.apk.scan.ApkScanner;
import dev.phonehome.apk.signing.SignatureInspector;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.testkit.ApkBuilder;
import dev.phonehome.testkit.DexCompiler;
import dev.phonehome.testkit.axml.ManifestXml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a one-DEX app from Java sources and scans it with one detector. */
final class AppFixture {
    static final KnowledgeBase KB = KnowledgeBase.load();

    /** Framework classes the fixtures call; compiled against, never packaged. */
    static final Map<String, String> ANDROID = Map.ofEntries(
            Map.entry("android.app.PendingIntent", "package android.app; public class PendingIntent {}"),
            Map.entry("android.app.Service", "package android.app; public class Service extends "
                    + "android.content.Context { public int onStartCommand(android.content.Intent i, int f, int s)"
                    + " { return 0; } }"),
            Map.entry("android.content.Context", "package android.content; public class Context {"
                    + " public ContentResolver getContentResolver() { return null; }"
                    + " public Object getSystemService(String n) { return null; } }"),
            Map.entry("android.content.Intent", "package android.content; public class Intent {}"),
            Map.entry("android.content.ContentResolver", "package android.content; public class ContentResolver {"
                    + " public Object query(android.net.Uri u, String[] p, String s, String[] a, String o)"
                    + " { return null; } }"),
            Map.entry("android.net.Uri", "package android.net; public class Uri {"
                    + " public static Uri parse(String s) { return null; } }"),
            Map.entry("android.os.Build", "package android.os; public class Build {"
                    + " public static final String SERIAL = null; }"),
            Map.entry("android.os.Bundle", "package android.os; public class Bundle {"
                    + " public void putString(String k, String v) {} public void putLong(String k, long v) {} }"),
            Map.entry("android.provider.Settings", "package android.provider; public class Settings {"
                    + " public static final class Secure { public static String getString("
                    + "android.content.ContentResolver r, String n) { return null; } } }"),
            Map.entry("android.telephony.SmsManager", "package android.telephony; public class SmsManager {"
                    + " public static SmsManager getDefault() { return null; }"
                    + " public void sendTextMessage(String d, String sc, String t, android.app.PendingIntent s,"
                    + " android.app.PendingIntent di) {} }"),
            Map.entry("android.telephony.TelephonyManager", "package android.telephony; public class "
                    + "TelephonyManager { public String getDeviceId() { return null; }"
                    + " public String getImei() { return null; } }"),
            Map.entry("dalvik.system.DexClassLoader", "package dalvik.system; public class DexClassLoader"
                    + " extends ClassLoader { public DexClassLoader(String d, String o, String l, ClassLoader p)"
                    + " { super(p); } }"));

    private AppFixture() {
    }

    /** A compiler with the framework stubs as library. */
    static DexCompiler compiler() {
        DexCompiler compiler = new DexCompiler();
        ANDROID.forEach(compiler::librarySource);
        return compiler;
    }

    /** Scans an APK holding {@code dex}, declaring {@code permissions}, at {@code location}. */
    static List<Finding> scan(Path dir, Detector detector, String location, List<byte[]> dex, String... permissions) {
        return scan(dir, new Detectors(List.of(detector)), location, dex, permissions);
    }

    /** Scans with {@code detectors}; a detector failure fails the test. */
    static List<Finding> scan(Path dir, Detectors detectors, String location, List<byte[]> dex,
            String... permissions) {
        ManifestXml manifest = ManifestXml.app("com.example.fixture").versionCode(1).minSdk(24).targetSdk(33);
        for (String p : permissions) {
            manifest.permission(p);
        }
        try {
            Path apk = Files.createTempFile(dir, "app", ".apk");
            new ApkBuilder().manifest(manifest.build()).dex(dex).write(apk);
            ApkScanner scanner = new ApkScanner(new SignatureInspector(), detectors, KB, false);
            AppReport report = scanner.scan(new ApkInput(location, apk, Optional.empty()), "0".repeat(64),
                    List.of(location), location.contains("/priv-app/"));
            assertThat(report.problems()).extracting(p -> p.code()).doesNotContain("detector.failed");
            return report.findings();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
