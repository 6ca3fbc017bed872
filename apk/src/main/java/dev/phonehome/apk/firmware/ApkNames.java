package dev.phonehome.apk.firmware;

import java.util.Locale;

/** File-name rules for what counts as an APK or an app bundle in a dump. */
final class ApkNames {
    private ApkNames() {
    }

    static boolean isApk(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".apk");
    }

    /** Split-APK bundles from app stores and bundletool. */
    static boolean isBundle(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".xapk") || n.endsWith(".apks") || n.endsWith(".apkm");
    }

    static boolean isScannable(String name) {
        return isApk(name) || isBundle(name);
    }
}
