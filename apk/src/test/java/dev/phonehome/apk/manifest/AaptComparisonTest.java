package dev.phonehome.apk.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Our manifest reading agrees with Android's own {@code aapt} on every reference APK of this machine. */
class AaptComparisonTest {
    private static final Pattern PACKAGE = Pattern.compile(
            "^package: name='([^']*)' versionCode='([^']*)' versionName='([^']*)'", Pattern.MULTILINE);
    private static final Pattern MIN_SDK = Pattern.compile("^sdkVersion:'([^']*)'", Pattern.MULTILINE);
    private static final Pattern TARGET_SDK = Pattern.compile("^targetSdkVersion:'([^']*)'", Pattern.MULTILINE);
    private static final Pattern PERMISSION = Pattern.compile(
            "^uses-permission(?:-sdk-23)?: name='([^']*)'", Pattern.MULTILINE);

    @Test
    void packageVersionsSdksAndPermissionsMatchAapt() throws Exception {
        assumeTrue(Files.isExecutable(ReferenceApks.AAPT), "aapt is not installed");
        List<Path> apks = ReferenceApks.all();
        assumeTrue(!apks.isEmpty(), "no reference APKs installed (Debian androguard, android-framework-res)");
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (Path apk : apks) {
            Optional<String> badging = ReferenceApks.aapt("badging", apk);
            Optional<byte[]> xml = ReferenceApks.entry(apk, "AndroidManifest.xml");
            if (badging.isEmpty() || xml.isEmpty()) {
                continue; // aapt itself refuses the file: nothing to compare against
            }
            compared++;
            AndroidManifest m = AndroidManifest.parse(xml.get());
            String expected = expected(badging.get(), ReferenceApks.aapt("permissions", apk).orElse(""));
            String actual = actual(m);
            if (!expected.equals(actual)) {
                mismatches.add(apk.getFileName() + "\n  aapt: " + expected + "\n  ours: " + actual);
            }
        }
        assertThat(compared).as("APKs compared").isGreaterThanOrEqualTo(apks.size() / 2);
        assertThat(mismatches).as("APKs where we differ from aapt").isEmpty();
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

    private static String actual(AndroidManifest m) {
        String code = m.versionCode() == 0 && m.xml().attribute(AndroidAttr.VERSION_CODE).isEmpty()
                ? "" : Long.toString(m.versionCode());
        return m.packageName() + " v" + code + " '" + (m.versionName() == null ? "" : m.versionName()) + "' sdk "
                + m.minSdk() + "/" + m.targetSdk() + " " + new TreeSet<>(m.usesPermissionNames());
    }

    private static String first(Pattern pattern, String text, String fallback) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : fallback;
    }
}
