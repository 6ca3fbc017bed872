package com.sensorsdata.analytics.android.sdk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A small analytics client written for the phonehome sample. It has the public shape and the
 * wire format of Sensors Data's Android SDK (track / registerSuperProperties / profileSet;
 * data_list = base64(gzip(JSON array))), so detectors and decoders can be shown at work.
 */
public final class SensorsDataAPI {
    public static final String VERSION = "6.8.0";
    private static final String SERVER_URL = "https://sa.api.intl.miui.com/sa?project=mibrowser";
    private static SensorsDataAPI instance;
    private final Map<String, Object> superProperties = new LinkedHashMap<>();
    private final String distinctId;

    private SensorsDataAPI(android.content.Context context) {
        this.distinctId = android.provider.Settings.Secure.getString(context.getContentResolver(), "android_id");
        superProperties.put("$lib", "Android");
        superProperties.put("$lib_version", VERSION);
        superProperties.put("$model", android.os.Build.MODEL);
    }

    public static synchronized SensorsDataAPI sharedInstance(android.content.Context context) {
        if (instance == null) {
            instance = new SensorsDataAPI(context);
        }
        return instance;
    }

    public void registerSuperProperties(Map<String, Object> properties) {
        superProperties.putAll(properties);
    }

    public void track(String event, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(superProperties);
        all.putAll(properties);
        send("[{\"type\":\"track\",\"event\":\"" + event + "\",\"distinct_id\":\"" + distinctId
                + "\",\"properties\":" + Json.object(all) + "}]");
    }

    public void profileSet(String property, Object value) {
        send("[{\"type\":\"profile_set\",\"distinct_id\":\"" + distinctId + "\",\"properties\":{\""
                + property + "\":\"" + value + "\"}}]");
    }

    private void send(String json) {
        try {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(json.getBytes(StandardCharsets.UTF_8));
            }
            String body = "crc=" + json.hashCode() + "&gzip=1&data_list="
                    + Base64.getEncoder().encodeToString(gz.toByteArray());
            HttpPoster.post(SERVER_URL, body);
        } catch (java.io.IOException e) {
            // Analytics never breaks the host app.
        }
    }
}
