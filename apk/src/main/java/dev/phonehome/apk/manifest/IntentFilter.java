package dev.phonehome.apk.manifest;

import java.util.List;

/**
 * An {@code <intent-filter>} (or a {@code <queries><intent>}): what a component answers to.
 * An SMS data-port receiver, for instance, has action {@code android.intent.action.DATA_SMS_RECEIVED}
 * and data with a port.
 */
public record IntentFilter(int priority, List<String> actions, List<String> categories, List<Data> data) {
    public IntentFilter {
        actions = List.copyOf(actions);
        categories = List.copyOf(categories);
        data = List.copyOf(data);
    }

    /** One {@code <data>} element; absent parts are null. */
    public record Data(String scheme, String host, String port, String path, String pathPrefix,
            String pathPattern, String mimeType) {
    }
}
