package dev.phonehome.apk.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.finding.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerVersionTest {
    @TempDir
    Path dir;

    private Finding tracker(String sdkSource) {
        byte[] dex = AppFixture.compiler()
                .source("com.sensorsdata.analytics.android.sdk.SensorsDataAPI", sdkSource).compileOne();
        List<Finding> findings = AppFixture.scan(dir, new TrackerDetector(), "data/app/B/base.apk", List.of(dex));
        assertThat(findings).extracting(Finding::rule).containsExactly("tracker.sdk");
        return findings.get(0);
    }

    @Test
    void versionFromTheStaticFinalConstant() {
        Finding f = tracker("""
                package com.sensorsdata.analytics.android.sdk;
                public class SensorsDataAPI { public static final String VERSION = "6.8.0"; }
                """);
        assertThat(f.attributes()).containsEntry("version", "6.8.0");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e.location())
                .isEqualTo("classes.dex Lcom/sensorsdata/analytics/android/sdk/SensorsDataAPI;->VERSION"));
    }

    @Test
    void versionStoredByTheClassInitialiser() {
        Finding f = tracker("""
                package com.sensorsdata.analytics.android.sdk;
                public class SensorsDataAPI {
                    public static String VERSION;
                    static { VERSION = "5.2.1"; }
                }
                """);
        assertThat(f.attributes()).containsEntry("version", "5.2.1");
    }

    @Test
    void computedVersionIsNotGuessed() {
        Finding f = tracker("""
                package com.sensorsdata.analytics.android.sdk;
                public class SensorsDataAPI {
                    public static final String VERSION = String.valueOf(System.nanoTime());
                }
                """);
        assertThat(f.attributes()).doesNotContainKey("version");
    }
}
