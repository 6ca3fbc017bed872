package dev.phonehome.apk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.apk.detect.Detectors;
import dev.phonehome.apk.firmware.ApkInput;
import dev.phonehome.apk.signing.SignatureInspector;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.testkit.ApkBuilder;
import dev.phonehome.testkit.DexCompiler;
import dev.phonehome.testkit.SigningIdentity;
import dev.phonehome.testkit.axml.ManifestXml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApkScannerTest {
    @TempDir
    static Path dir;
    static byte[] mainDex;
    static byte[] pluginDex;
    static SigningIdentity key;

    private final ApkScanner scanner = new ApkScanner(new SignatureInspector(), Detectors.all(), KnowledgeBase.load(),
            true);

    @BeforeAll
    static void compile() {
        mainDex = new DexCompiler().source("com.example.app.Main", "package com.example.app; public class Main {}")
                .compileOne();
        pluginDex = new DexCompiler()
                .source("com.example.plugin.Hidden", "package com.example.plugin; public class Hidden {}")
                .compileOne();
        key = SigningIdentity.generate("scanner-test");
    }

    @Test
    void findsDexHiddenInNestedJarsAndRawDexAssets() throws IOException {
        Path apk = new ApkBuilder().manifest(manifest("com.example.app")).dex(List.of(mainDex))
                .entry("assets/plugin.jar", zip("classes.dex", pluginDex))
                .entry("assets/raw.dex", pluginDex)
                .entry("assets/not-a-zip.zip", "plain text".getBytes())
                .signedBy(key).write(dir.resolve("nested.apk"));

        AppReport report = scan(apk);

        assertThat(report.dex()).extracting(DexSummary::entry)
                .containsExactly("assets/plugin.jar!/classes.dex", "assets/raw.dex", "classes.dex");
        assertThat(report.classes().orElseThrow()).containsExactly("com.example.app.Main", "com.example.plugin.Hidden");
        assertThat(report.problems()).isEmpty();
        assertThat(report.signing().orElseThrow().verified()).isTrue();
    }

    @Test
    void splitApkBundleReadsBaseManifestAndDexOfEverySplit() throws IOException {
        byte[] base = new ApkBuilder().manifest(manifest("com.example.split")).dex(List.of(mainDex)).signedBy(key)
                .build();
        byte[] feature = new ApkBuilder().manifest(manifest("com.example.split")).dex(List.of(pluginDex))
                .signedBy(key).build();
        Path xapk = dir.resolve("app.xapk");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            put(out, "manifest.json", "{\"package_name\":\"com.example.split\"}".getBytes());
            put(out, "base.apk", base);
            put(out, "split_feature.apk", feature);
        }
        Files.write(xapk, bytes.toByteArray());

        AppReport report = scan(xapk);

        assertThat(report.container()).isEqualTo("XAPK");
        assertThat(report.splits()).containsExactly("base.apk", "split_feature.apk");
        assertThat(report.packageName()).contains("com.example.split");
        assertThat(report.dex()).extracting(DexSummary::entry)
                .containsExactly("base.apk!/classes.dex", "split_feature.apk!/classes.dex");
        assertThat(report.signing().orElseThrow().signed()).isTrue();
    }

    @Test
    void apkWithoutManifestStillHasItsDexIndexed() {
        Path apk = new ApkBuilder().dex(List.of(mainDex, pluginDex)).write(dir.resolve("no-manifest.apk"));

        AppReport report = scan(apk);

        assertThat(report.container()).isEqualTo("APK");
        assertThat(report.dex()).extracting(DexSummary::entry).containsExactly("classes.dex", "classes2.dex");
        assertThat(report.problems()).extracting(p -> p.code()).contains("apk.no-manifest");
    }

    @Test
    void corruptDexIsAProblemWhileManifestAndSignersAreStillRead() throws IOException {
        byte[] broken = mainDex.clone();
        broken[0x38] = (byte) 0xff; // string_ids_size: far beyond the file
        broken[0x39] = (byte) 0xff;
        broken[0x3a] = (byte) 0xff;
        Path apk = new ApkBuilder().manifest(manifest("com.example.broken")).dex(List.of(broken)).signedBy(key)
                .write(dir.resolve("broken.apk"));

        AppReport report = scan(apk);

        assertThat(report.packageName()).contains("com.example.broken");
        assertThat(report.dex()).isEmpty();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.code()).startsWith("dex.");
            assertThat(p.subject()).contains("classes.dex");
        });
        assertThat(report.signing()).isPresent();
    }

    private AppReport scan(Path apk) {
        String location = "system/app/" + apk.getFileName();
        return scanner.scan(new ApkInput(location, apk, Optional.empty()), "0".repeat(64), List.of(location), false);
    }

    private static byte[] manifest(String pkg) {
        return ManifestXml.app(pkg).versionCode(1).minSdk(24).targetSdk(33).build();
    }

    private static byte[] zip(String name, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            put(out, name, data);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, byte[] data) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(data);
        out.closeEntry();
    }
}
