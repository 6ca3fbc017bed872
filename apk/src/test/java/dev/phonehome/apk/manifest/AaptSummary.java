package dev.phonehome.apk.manifest;

import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One line per APK: package, version, SDKs and permissions, as aapt prints them and as we read them. */
final class AaptSummary {
    private static final Pattern PACKAGE = Pattern.compile(
            "^package: name='([^']*)' versionCode='([^']*)' versionName='([^']*)'", Pattern.MULTILINE);
    private static final Pattern MIN_SDK = Pattern.compile("^sdkVersion:'([^']*)'", Pattern.MULTILINE);
    private static final Pattern TARGET_SDK = Pattern.compile("^targetSdkVersion:'([^']*)'", Pattern.MULTILINE);
    private static final Pattern PERMISSION = Pattern.compile(
            "^uses-permission(?:-sdk-23)?: name='([^']*)'", Pattern.MULTILINE);

    private AaptSummary() {
    }

    /** aapt's view of the APK, empty when aapt refuses it. */
    static Optional<String> aapt(Path apk) {
        return ReferenceApks.aapt("badging", apk)
                .map(badging -> expected(badging, ReferenceApks.aapt("permissions", apk).orElse("")));
    }

    private static String expected(String badging, String permissions) {
        Matcher p = PACKAGE.matcher(badging);
        String pkg = p.find() ? p.group(1) + " v" + p.group(2) + " '" + p.group(3) + "'" : "?";
        String min = first(MIN_SDK, badging, "1");
        String target = first(TARGET_SDK, badging, min);
        TreeSet<String> perms = new TreeSet<>();
        Matcher m = PERMISSION.matcher(permissions);
        while (m.find()) {
            perms.add(m.group(1));
        }
        return pkg + " sdk " + min + "/" + target + " " + perms;
    }

    static String ours(AndroidManifest m) {
        String code = m.versionCode() == 0 && m.xml().attribute(AndroidAttr.VERSION_CODE).isEmpty()
                ? "" : Long.toString(m.versionCode());
        return m.packageName() + " v" + code + " '" + cString(m.versionName()) + "' sdk "
                + m.minSdk() + "/" + m.targetSdk() + " " + new TreeSet<>(m.usesPermissionNames());
    }

    private static String first(Pattern pattern, String text, String fallback) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : fallback;
    }

    /** aapt prints strings as C strings: up to the first NUL. */
    private static String cString(String s) {
        return s == null ? "" : s.indexOf('\0') < 0 ? s : s.substring(0, s.indexOf('\0'));
    }
}
