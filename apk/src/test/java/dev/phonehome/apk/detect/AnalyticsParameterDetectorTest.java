package dev.phonehome.apk.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyticsParameterDetectorTest {
    /** A Sensors-Data-shaped client: the real SDK's public method names and parameter types. */
    static final String SENSORS = """
            package com.sensorsdata.analytics.android.sdk;
            public class SensorsDataAPI {
                public static final String VERSION = "6.8.0";
                public static SensorsDataAPI sharedInstance() { return new SensorsDataAPI(); }
                public void track(String event, org.json.JSONObject properties) {}
                public void track(String event) {}
                public void registerSuperProperties(org.json.JSONObject properties) {}
                public void profileSet(String property, Object value) {}
            }
            """;
    static final String JSON = """
            package org.json;
            public class JSONObject { public JSONObject put(String k, Object v) { return this; } }
            """;

    @TempDir
    Path dir;

    @Test
    void eventNamesAndKeysPutBeforeTheCallAreCollectedPerSdk() {
        byte[] dex = AppFixture.compiler().librarySource("org.json.JSONObject", JSON)
                .source("com.sensorsdata.analytics.android.sdk.SensorsDataAPI", SENSORS)
                .source("com.example.browser.Pages", """
                        package com.example.browser;
                        import com.sensorsdata.analytics.android.sdk.SensorsDataAPI;
                        import org.json.JSONObject;
                        public class Pages {
                            void open(String url, String title, String query, boolean incognito) {
                                JSONObject props = new JSONObject();
                                props.put("url", url);
                                props.put("page_title", title);
                                if (query != null) {
                                    props.put("search_keyword", query);
                                }
                                SensorsDataAPI.sharedInstance().track("PageView", props);
                            }
                            void consent(boolean on) {
                                JSONObject p = new JSONObject();
                                p.put("user_experience_programme", on);
                                SensorsDataAPI.sharedInstance().registerSuperProperties(p);
                                SensorsDataAPI.sharedInstance().profileSet("region", "LT");
                                SensorsDataAPI.sharedInstance().track("AppStart");
                            }
                        }
                        """).compileOne();

        List<Finding> findings = AppFixture.scan(dir, new AnalyticsParameterDetector(), "system/app/B/B.apk",
                List.of(dex));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("analytics.parameters");
            assertThat(f.level()).isEqualTo(EvidenceLevel.REFERENCED);
            assertThat(f.attributes()).containsEntry("sdk", "sensors-data")
                    .containsEntry("events", "AppStart,PageView")
                    .containsEntry("keys", "page_title,region,search_keyword,url,user_experience_programme")
                    .containsEntry("calls", "4");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e.detail()).contains("event \"PageView\"")
                    .contains("keys page_title,search_keyword,url"));
        });
    }

    @Test
    void keysGoToTheSdkWhoseContainerReceivedThem() {
        byte[] dex = AppFixture.compiler().librarySource("org.json.JSONObject", JSON)
                .source("com.sensorsdata.analytics.android.sdk.SensorsDataAPI", SENSORS)
                .source("com.google.android.gms.analytics.Tracker", """
                        package com.google.android.gms.analytics;
                        public class Tracker { public void send(java.util.Map<String, String> hit) {} }
                        """)
                .source("com.example.browser.Both", """
                        package com.example.browser;
                        public class Both {
                            void open(com.google.android.gms.analytics.Tracker ga, String url) {
                                org.json.JSONObject props = new org.json.JSONObject();
                                props.put("url", url);
                                java.util.Map<String, String> hit = new java.util.LinkedHashMap<>();
                                hit.put("t", "pageview");
                                hit.put("dl", url);
                                com.sensorsdata.analytics.android.sdk.SensorsDataAPI.sharedInstance().track("PageView", props);
                                ga.send(hit);
                            }
                        }
                        """).compileOne();

        List<Finding> findings = AppFixture.scan(dir, new AnalyticsParameterDetector(), "system/app/B/B.apk",
                List.of(dex));

        assertThat(findings).extracting(f -> f.attributes().get("sdk") + ":" + f.attributes().get("keys"))
                .containsExactlyInAnyOrder("sensors-data:url", "google-analytics:dl,t");
    }

    @Test
    void sdkInternalCallsAndUnrelatedTrackMethodsAreNotParameters() {
        byte[] dex = AppFixture.compiler().librarySource("org.json.JSONObject", JSON)
                .source("com.sensorsdata.analytics.android.sdk.SensorsDataAPI", SENSORS)
                .source("com.sensorsdata.analytics.android.sdk.Auto", """
                        package com.sensorsdata.analytics.android.sdk;
                        class Auto { void start() { SensorsDataAPI.sharedInstance().track("$AppStart"); } }
                        """)
                .source("com.example.fit.Steps", """
                        package com.example.fit;
                        public class Steps {
                            void track(String event) {}
                            void go() { track("PageView"); String s = "com.sensorsdata.analytics.android.sdk.SensorsDataAPI"; }
                        }
                        """).compileOne();

        assertThat(AppFixture.scan(dir, new AnalyticsParameterDetector(), "data/app/F/base.apk", List.of(dex)))
                .isEmpty();
    }

    @Test
    void bundledEntryPointsNameKnownTrackers() {
        assertThat(AnalyticsEntryPoints.load().all()).isNotEmpty()
                .allSatisfy(e -> assertThat(AppFixture.KB.trackers().byId(e.sdk())).as(e.sdk()).isPresent());
    }

    @Test
    void entryWithoutAnyArgumentOrWithUnknownSourceIsRefused() {
        String noArgument = """
                {"schema_version": 1, "sources": {"s": "x"},
                 "entry_points": [{"sdk": "a", "class_name": "La/B;", "method": "m", "source": "s"}],
                 "containers": [{"class_name": "La/C;", "method_prefix": "put", "source": "s"}]}
                """;
        assertThatThrownBy(() -> AnalyticsEntryPoints.parse(stream(noArgument)))
                .hasMessageContaining("La/B;->m").hasMessageContaining("names no argument");
        String unknownSource = noArgument.replace("\"method\": \"m\",", "\"method\": \"m\", \"event\": 0,")
                .replace("\"source\": \"s\"}]", "\"source\": \"t\"}]");
        assertThatThrownBy(() -> AnalyticsEntryPoints.parse(stream(unknownSource)))
                .hasMessageContaining("unknown source");
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
