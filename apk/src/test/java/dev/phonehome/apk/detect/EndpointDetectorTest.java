package dev.phonehome.apk.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.testkit.ApkBuilder;
import dev.phonehome.testkit.axml.ManifestXml;
import dev.phonehome.testkit.axml.ResourcesArscWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointDetectorTest {
    @TempDir
    Path dir;

    private static final String REPORTER = """
            package com.phonehome.test;
            public class Reporter {
                static final String UNUSED = "https://docs.example-sdk.org/guide";
                String endpoint() { return "http://api.ad.xiaomi.com/v2/upload"; }
                String backup() { return "tracking.miui.com"; }
                String packageName() { return "com.phonehome.test.Reporter"; }
                String action() { return "android.intent.action.VIEW"; }
                String icon() { return "icon.png"; }
                String version() { return "1.2.3"; }
            }
            """;

    private List<Finding> scan(ApkBuilder apk) {
        return ScanHarness.findings(dir, "system/app/Test/Test.apk", apk, new EndpointDetector());
    }

    private static ApkBuilder app(String packageName) {
        return new ApkBuilder().manifest(ManifestXml.app(packageName).versionCode(1).minSdk(26).targetSdk(30).build())
                .signedBy(ScanHarness.VENDOR);
    }

    @Test
    void groupsEndpointsByDomainAndNamesTheMethodsUsingThem() {
        List<Finding> findings = scan(app("com.phonehome.test")
                .dex(ScanHarness.dex(Map.of("com.phonehome.test.Reporter", REPORTER))));

        assertThat(findings).extracting(f -> f.attributes().get("domain"))
                .containsExactlyInAnyOrder("example-sdk.org", "miui.com", "xiaomi.com");
        Finding xiaomi = ScanHarness.rule(findings, "endpoint.domain", "domain", "xiaomi.com").orElseThrow();
        assertThat(xiaomi.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(xiaomi.level()).isEqualTo(EvidenceLevel.REFERENCED);
        assertThat(xiaomi.attributes()).containsEntry("tracker", "xiaomi-ads").containsEntry("country", "CN")
                .containsEntry("cleartext", "true").containsKey("organisation");
        assertThat(xiaomi.evidence()).singleElement().satisfies(e -> {
            assertThat(e.value()).contains("http://api.ad.xiaomi.com/v2/upload");
            assertThat(e.location()).contains("Lcom/phonehome/test/Reporter;->endpoint()");
        });
        Finding miui = ScanHarness.rule(findings, "endpoint.domain", "domain", "miui.com").orElseThrow();
        assertThat(miui.severity()).isEqualTo(Severity.LOW);
        Finding docs = ScanHarness.rule(findings, "endpoint.domain", "domain", "example-sdk.org").orElseThrow();
        assertThat(docs.severity()).isEqualTo(Severity.INFO);
        assertThat(docs.level()).isEqualTo(EvidenceLevel.PRESENT);
        assertThat(docs.evidence().get(0).location()).endsWith("string table");
    }

    @Test
    void aBenignDomainInCommentLikeTextStaysInfo() {
        List<Finding> findings = scan(app("com.phonehome.test").dex(ScanHarness.dex(Map.of("com.phonehome.test.Help",
                "package com.phonehome.test; public class Help { String s() {"
                        + " return \"// see https://developer.android.com/guide for details\"; } }"))));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.attributes()).containsEntry("domain", "android.com").doesNotContainKey("tracker");
        });
    }

    @Test
    void findsEndpointsInResourcesAssetsAndNativeLibraries() {
        ResourcesArscWriter resources = new ResourcesArscWriter("com.phonehome.test");
        resources.string("string", "server", "https://push.example.cn/register");
        byte[] library = new byte[256];
        byte[] text = "\u0000\u0001ELF_GLIBC\u0000wss://relay.example.net/socket\u0000ro.build.id\u0000".getBytes(
                StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, library, 40, text.length);
        List<Finding> findings = scan(app("com.phonehome.test").storedEntry("resources.arsc", resources.build())
                .entry("assets/config.json", "{\"host\":\"cfg.example.io\"}".getBytes(StandardCharsets.UTF_8))
                .entry("lib/arm64-v8a/libnet.so", library));
        assertThat(findings).extracting(f -> f.attributes().get("domain"))
                .containsExactlyInAnyOrder("example.cn", "example.io", "example.net");
        assertThat(findings).extracting(f -> f.evidence().get(0).location())
                .containsExactlyInAnyOrder("resources.arsc string/server [default]", "assets/config.json",
                        "lib/arm64-v8a/libnet.so");
    }

    @Test
    void anAppWithoutEndpointsHasNoFinding() {
        assertThat(scan(app("com.phonehome.empty"))).isEmpty();
    }
}
