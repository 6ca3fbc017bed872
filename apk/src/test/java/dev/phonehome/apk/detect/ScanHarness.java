package dev.phonehome.apk.detect;

import dev.phonehome.apk.firmware.ApkInput;
import dev.phonehome.apk.scan.ApkScanner;
import dev.phonehome.apk.scan.AppReport;
import dev.phonehome.apk.signing.SignatureInspector;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.testkit.ApkBuilder;
import dev.phonehome.testkit.DexCompiler;
import dev.phonehome.testkit.SigningIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds an APK in a test's folder and runs one detector over it through the real scanner. */
final class ScanHarness {
    static final SigningIdentity VENDOR = SigningIdentity.generate("Harness Vendor");
    /** Minimal framework classes the test sources compile against. */
    static final Map<String, String> STUBS = Map.of(
            "android.content.Context", "package android.content; public abstract class Context {"
                    + " public abstract android.content.res.AssetManager getAssets();"
                    + " public abstract android.content.res.Resources getResources(); }",
            "android.content.res.AssetManager", "package android.content.res; public class AssetManager {"
                    + " public java.io.InputStream open(String name) throws java.io.IOException { return null; } }",
            "android.content.res.Resources", "package android.content.res; public class Resources {"
                    + " public String[] getStringArray(int id) { return null; }"
                    + " public java.io.InputStream openRawResource(int id) { return null; } }");

    private ScanHarness() {
    }

    /** Compiles {@code sources} (class name to code) against {@link #STUBS} into DEX files. */
    static List<byte[]> dex(Map<String, String> sources) {
        DexCompiler compiler = new DexCompiler();
        STUBS.forEach(compiler::librarySource);
        sources.forEach(compiler::source);
        return compiler.compile();
    }

    /** Writes {@code apk} to {@code location} and scans it. */
    static AppReport scan(Path dir, String location, ApkBuilder apk, Detector detector, boolean privileged) {
        Path file = dir.resolve(location);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        apk.write(file);
        return new ApkScanner(new SignatureInspector(), new Detectors(List.of(detector)), KnowledgeBase.load(), false)
                .scan(new ApkInput(location, file, Optional.empty()), "0".repeat(64), List.of(location), privileged);
    }

    static List<Finding> findings(Path dir, String location, ApkBuilder apk, Detector detector) {
        AppReport report = scan(dir, location, apk, detector, location.contains("priv-app"));
        return report.findings();
    }

    static Optional<Finding> rule(List<Finding> findings, String rule, String attribute, String value) {
        return findings.stream().filter(f -> f.rule().equals(rule) && value.equals(f.attributes().get(attribute)))
                .findFirst();
    }
}
