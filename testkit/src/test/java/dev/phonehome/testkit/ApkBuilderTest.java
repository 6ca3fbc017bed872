package dev.phonehome.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.android.apksig.ApkVerifier;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApkBuilderTest {
    @TempDir
    Path dir;

    @Test
    void d8TurnsJavaIntoDexWithMagicAndSignedApkVerifies() throws Exception {
        byte[] dex = new DexCompiler()
                .librarySource("android.telephony.SmsManager",
                        "package android.telephony; public class SmsManager { public static SmsManager getDefault() { return null; } }")
                .source("com.example.Main",
                        "package com.example; public class Main { void go() { android.telephony.SmsManager.getDefault(); } }")
                .compileOne();
        assertThat(new String(dex, 0, 4, "ISO-8859-1")).isEqualTo("dex\n");

        Path apk = new ApkBuilder().manifest(new byte[] {3, 0, 8, 0, 8, 0, 0, 0}).dex(List.of(dex))
                .signedBy(SigningIdentity.generate("test")).schemes(true, true, true).write(dir.resolve("a.apk"));
        try (ZipFile zip = new ZipFile(apk.toFile())) {
            assertThat(zip.getEntry("classes.dex")).isNotNull();
            assertThat(zip.getEntry("META-INF/CERT.RSA")).isNotNull();
        }
        ApkVerifier.Result result = new ApkVerifier.Builder(apk.toFile()).setMinCheckedPlatformVersion(24)
                .setMaxCheckedPlatformVersion(33).build().verify();
        assertThat(result.isVerifiedUsingV2Scheme()).isTrue();
        assertThat(result.isVerifiedUsingV3Scheme()).isTrue();
    }
}
