package dev.phonehome.testkit.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the sample apps' sources and assets from the classpath folder {@code /sample/}. */
final class SampleSources {
    static final List<String> ANDROID_STUBS = List.of("android.app.Activity", "android.app.PendingIntent",
            "android.app.Service", "android.content.ContentResolver", "android.content.Context",
            "android.content.Intent", "android.content.res.AssetManager", "android.os.Build", "android.os.Bundle",
            "android.provider.Settings", "android.telephony.SmsManager", "android.telephony.TelephonyManager",
            "android.util.Log");

    private SampleSources() {
    }

    /** The source of {@code className} in the app folder {@code app}. */
    static String source(String app, String className) {
        return new String(bytes(app + "/" + className + ".java"), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String path) {
        try (InputStream in = SampleSources.class.getResourceAsStream("/sample/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing sample resource /sample/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
