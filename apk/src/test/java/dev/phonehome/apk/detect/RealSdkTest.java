package dev.phonehome.apk.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.testkit.DexCompiler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real SDK bytecode from Maven Central (test-scoped AAR dependencies, downloaded by Maven, never
 * committed): its {@code classes.jar} is dexed with D8 next to app code that calls it. App code
 * is compiled against stubs with the SDKs' public signatures; only the real classes are packaged.
 */
class RealSdkTest {
    private static final String CONTEXT = "package android.content; public class Context {}";
    private static final String JSON = "package org.json; public class JSONObject {"
            + " public JSONObject put(String k, Object v) { return this; } }";

    @TempDir
    Path dir;

    @Test
    void sensorsDataVersionReferenceAndParameters() throws IOException {
        DexCompiler compiler = sdk("sensorsdata")
                .librarySource("android.content.Context", CONTEXT)
                .librarySource("org.json.JSONObject", JSON)
                .librarySource("com.sensorsdata.analytics.android.sdk.SensorsDataAPI", """
                        package com.sensorsdata.analytics.android.sdk;
                        public class SensorsDataAPI {
                            public static SensorsDataAPI sharedInstance() { return null; }
                            public void track(String e, org.json.JSONObject p) {}
                            public void registerSuperProperties(org.json.JSONObject p) {}
                        }
                        """)
                .source("com.example.browser.Pages", """
                        package com.example.browser;
                        import com.sensorsdata.analytics.android.sdk.SensorsDataAPI;
                        import org.json.JSONObject;
                        public class Pages {
                            void open(String url, String title) {
                                JSONObject p = new JSONObject();
                                p.put("url", url);
                                p.put("page_title", title);
                                SensorsDataAPI.sharedInstance().track("PageView", p);
                            }
                        }
                        """);

        List<Finding> findings = scan(compiler);

        Finding tracker = rule(findings, "tracker.sdk", "sensors-data");
        assertThat(tracker.attributes()).containsEntry("version", "5.2.1");
        assertThat(tracker.level()).isEqualTo(EvidenceLevel.REFERENCED);
        assertThat(rule(findings, "analytics.parameters", "sensors-data").attributes())
                .containsEntry("events", "PageView").containsEntry("keys", "page_title,url");
    }

    @Test
    void umengEventWithMapKeys() throws IOException {
        DexCompiler compiler = sdk("umeng")
                .librarySource("android.content.Context", CONTEXT)
                .librarySource("com.umeng.analytics.MobclickAgent", """
                        package com.umeng.analytics;
                        public class MobclickAgent {
                            public static void onEvent(android.content.Context c, String e, java.util.Map<String, String> m) {}
                        }
                        """)
                .source("com.example.shop.Cart", """
                        package com.example.shop;
                        public class Cart {
                            void buy(android.content.Context c, String sku) {
                                java.util.Map<String, String> m = new java.util.HashMap<>();
                                m.put("sku", sku);
                                m.put("channel", "store");
                                com.umeng.analytics.MobclickAgent.onEvent(c, "purchase", m);
                            }
                        }
                        """);

        List<Finding> findings = scan(compiler);

        Finding umeng = rule(findings, "tracker.sdk", "umeng");
        assertThat(umeng.level()).isEqualTo(EvidenceLevel.REFERENCED);
        assertThat(umeng.attributes()).containsEntry("country", "CN").containsEntry("group", "Alibaba Group Holding Limited");
        assertThat(umeng.title()).endsWith("(CN), part of Alibaba Group Holding Limited");
        assertThat(rule(findings, "analytics.parameters", "umeng").attributes())
                .containsEntry("events", "purchase").containsEntry("keys", "channel,sku");
    }

    @Test
    void adjustEventTokenAndCallbackKeys() throws IOException {
        DexCompiler compiler = sdk("adjust")
                .librarySource("com.adjust.sdk.AdjustEvent", """
                        package com.adjust.sdk;
                        public class AdjustEvent {
                            public AdjustEvent(String token) {}
                            public void addCallbackParameter(String k, String v) {}
                        }
                        """)
                .source("com.example.game.Level", """
                        package com.example.game;
                        public class Level {
                            Object done(String user) {
                                com.adjust.sdk.AdjustEvent e = new com.adjust.sdk.AdjustEvent("abc123");
                                e.addCallbackParameter("user_id", user);
                                return e;
                            }
                        }
                        """);

        List<Finding> findings = scan(compiler);

        assertThat(rule(findings, "tracker.sdk", "adjust").level()).isEqualTo(EvidenceLevel.REFERENCED);
        assertThat(rule(findings, "analytics.parameters", "adjust").attributes())
                .containsEntry("events", "abc123").containsEntry("keys", "user_id");
    }

    private List<Finding> scan(DexCompiler compiler) {
        return AppFixture.scan(dir, new Detectors(List.of(new TrackerDetector(), new AnalyticsParameterDetector())),
                "system/app/A/A.apk", compiler.compile());
    }

    private static Finding rule(List<Finding> findings, String rule, String attributeValue) {
        return findings.stream().filter(f -> f.rule().equals(rule) && f.attributes().containsValue(attributeValue))
                .findFirst().orElseThrow(() -> new AssertionError("no " + rule + " for " + attributeValue
                        + " in " + findings.stream().map(f -> f.rule() + f.attributes()).toList()));
    }

    /** A compiler holding every class of the AAR that the build names in {@code phonehome.sdk.<name>}. */
    private static DexCompiler sdk(String name) throws IOException {
        String file = System.getProperty("phonehome.sdk." + name);
        assertThat(file).as("AAR path of " + name + " set by the build").isNotBlank().doesNotStartWith("${");
        Path aar = Path.of(file);
        DexCompiler compiler = new DexCompiler();
        for (byte[] c : classes(entry(Files.newInputStream(aar), "classes.jar"))) {
            compiler.classFile(c);
        }
        return compiler;
    }

    private static byte[] entry(InputStream zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name);
    }

    private static List<byte[]> classes(byte[] jar) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                    out.add(in.readAllBytes());
                }
            }
        }
        return out;
    }
}
