package dev.phonehome.apk.detect;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * The capability, analytics and tracker detectors on DEX files with random byte flips: no
 * detector may fail (a {@code detector.failed} problem) or hang, whatever the code says.
 */
class DetectorsOnHostileDexTest {
    private static final byte[] DEX = AppFixture.compiler()
            .librarySource("org.json.JSONObject", AnalyticsParameterDetectorTest.JSON)
            .source("com.sensorsdata.analytics.android.sdk.SensorsDataAPI", AnalyticsParameterDetectorTest.SENSORS)
            .source("com.example.app.Main", """
                    package com.example.app;
                    public class Main extends android.app.Service {
                        @Override public int onStartCommand(android.content.Intent i, int f, int s) {
                            org.json.JSONObject p = new org.json.JSONObject();
                            p.put("k", f);
                            com.sensorsdata.analytics.android.sdk.SensorsDataAPI.sharedInstance().track("E", p);
                            String n = f > 0 ? "+1" : "+2";
                            try {
                                android.telephony.SmsManager.getDefault().sendTextMessage(n, null, "x", null, null);
                            } catch (RuntimeException e) {
                                return android.os.Build.SERIAL.length();
                            }
                            switch (s) { case 1: return 1; case 9: return 9; default: return 0; }
                        }
                    }
                    """).compileOne();

    private final Path dir;

    DetectorsOnHostileDexTest() throws IOException {
        dir = Files.createTempDirectory("hostile-detectors");
    }

    @AfterProperty
    void clean() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 60)
    void randomByteFlipsNeverFailADetector(@ForAll long seed) {
        byte[] dex = DEX.clone();
        Random random = new Random(seed);
        for (int k = 0, flips = 1 + random.nextInt(8); k < flips; k++) {
            int at = 0x70 + random.nextInt(dex.length - 0x70);
            dex[at] ^= (byte) (1 + random.nextInt(255));
        }
        Detectors detectors = new Detectors(List.of(new TrackerDetector(), new CapabilityDetector(),
                new AnalyticsParameterDetector()));
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> AppFixture.scan(dir, detectors, "system/priv-app/M/M.apk", List.of(dex)));
    }
}
