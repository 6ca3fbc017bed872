package dev.phonehome.testkit.sample;

import dev.phonehome.testkit.ApkBuilder;
import dev.phonehome.testkit.DexCompiler;
import dev.phonehome.testkit.SigningIdentity;
import dev.phonehome.testkit.axml.ManifestXml;
import dev.phonehome.testkit.axml.ResourcesArscWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the bundled sample firmware: a dumped image tree of self-made apps that shows what
 * phonehome finds. Run by the build ({@code testkit/target/sample-firmware}) and by tests.
 *
 * <ul>
 *   <li>{@code system/framework/framework-res.apk}: package {@code android}, signed with the
 *       sample's platform key (so the platform key can be recognised);</li>
 *   <li>{@code system/app/Browser}: a browser embedding Sensors-Data- and Google-Analytics-shaped
 *       clients, also copied to {@code system/preinstall} (one app, two locations);</li>
 *   <li>{@code system/priv-app/CloudService}: a system-UID app that sends an SMS to a constant
 *       number, with an SMS data-port receiver;</li>
 *   <li>{@code product/app/AdFilter}: an app with a keyword list applied to ad titles, whose label is
 *       a string resource with a Chinese translation;</li>
 *   <li>{@code vendor/app/Ims}: a vendor app reading the IMEI, signed with an Android debug certificate.</li>
 * </ul>
 */
public final class SampleFirmware {
    private static final String INTERNET = "android.permission.INTERNET";
    private static final String PHONE_STATE = "android.permission.READ_PHONE_STATE";

    private final SigningIdentity platform = SigningIdentity.derivedFromSubject("CN=Sample Platform, O=phonehome testkit");
    private final SigningIdentity vendor = SigningIdentity.derivedFromSubject("CN=Sample Vendor Release, O=phonehome testkit");
    private final SigningIdentity debug = SigningIdentity.derivedFromSubject("CN=Android Debug, O=Android, C=US");

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SampleFirmware OUTPUT_FOLDER");
        }
        new SampleFirmware().write(Path.of(args[0]));
    }

    /** Writes the firmware tree under {@code root} and returns {@code root}. */
    public Path write(Path root) {
        frameworkRes(root.resolve("system/framework/framework-res.apk"));
        Path browser = browser(root.resolve("system/app/Browser/Browser.apk"));
        copy(browser, root.resolve("system/preinstall/Browser.apk"));
        cloud(root.resolve("system/priv-app/CloudService/CloudService.apk"));
        adFilter(root.resolve("product/app/AdFilter/AdFilter.apk"));
        ims(root.resolve("vendor/app/Ims/Ims.apk"));
        return root;
    }

    private void frameworkRes(Path target) {
        byte[] manifest = ManifestXml.app("android").versionCode(33).versionName("13").minSdk(33).targetSdk(33)
                .sharedUserId("android.uid.system")
                .declarePermission("android.permission.SEND_SMS", 1)
                .declarePermission("android.permission.READ_PRIVILEGED_PHONE_STATE", 0x12)
                .label("Android System").build();
        new ApkBuilder().manifest(manifest).signedBy(platform).write(target);
    }

    private Path browser(Path target) {
        List<String> classes = List.of("com.phonehome.sample.browser.BrowserActivity",
                "com.sensorsdata.analytics.android.sdk.SensorsDataAPI", "com.sensorsdata.analytics.android.sdk.Json",
                "com.sensorsdata.analytics.android.sdk.HttpPoster", "com.google.android.gms.analytics.Tracker");
        byte[] manifest = ManifestXml.app("com.phonehome.sample.browser").versionCode(120010).versionName("12.0.10")
                .minSdk(24).targetSdk(30).permission(INTERNET).permission(PHONE_STATE)
                .label("Sample Browser").usesCleartextTraffic(true)
                .metaData("com.sensorsdata.analytics.android.MainProcessName", "com.phonehome.sample.browser")
                .activity(".BrowserActivity", true, ManifestXml.filter("android.intent.action.MAIN")
                        .category("android.intent.category.LAUNCHER"))
                .build();
        return new ApkBuilder().manifest(manifest).dex(dex("browser", classes)).signedBy(vendor).write(target);
    }

    private void cloud(Path target) {
        byte[] manifest = ManifestXml.app("com.phonehome.sample.cloud").versionCode(30).versionName("3.0")
                .minSdk(28).targetSdk(30).sharedUserId("android.uid.system")
                .permission("android.permission.SEND_SMS").permission(PHONE_STATE).permission(INTERNET)
                .label("Sample Cloud")
                .service(".RegistrationService", false)
                .receiver(".DataSmsReceiver", true, ManifestXml.filter("android.intent.action.DATA_SMS_RECEIVED")
                        .data("sms", "localhost", "16001"))
                .build();
        new ApkBuilder().manifest(manifest)
                .dex(dex("cloud", List.of("com.phonehome.sample.cloud.RegistrationService")))
                .signedBy(platform).write(target);
    }

    private void adFilter(Path target) {
        ResourcesArscWriter resources = new ResourcesArscWriter("com.phonehome.sample.adfilter");
        int label = resources.string("string", "app_name", "Sample Ad Filter");
        resources.translate(label, "zh-rCN", "广告过滤示例");
        byte[] manifest = ManifestXml.app("com.phonehome.sample.adfilter").versionCode(7).versionName("1.7")
                .minSdk(26).targetSdk(31).permission(INTERNET).labelResource(label).allowBackup(true)
                .build();
        new ApkBuilder().manifest(manifest).storedEntry("resources.arsc", resources.build())
                .dex(dex("adfilter", List.of("com.phonehome.sample.adfilter.AdTitleFilter")))
                .entry("assets/ad_blacklist.txt", SampleSources.bytes("adfilter/ad_blacklist.txt"))
                .signedBy(vendor).write(target);
    }

    private void ims(Path target) {
        byte[] manifest = ManifestXml.app("com.phonehome.sample.ims").versionCode(1).versionName("1.0")
                .minSdk(29).targetSdk(29).permission(PHONE_STATE)
                .permission("android.permission.READ_PRIVILEGED_PHONE_STATE").label("Sample IMS").debuggable(true)
                .service(".ImsRegistration", null, ManifestXml.filter("android.telephony.ims.ImsService"))
                .build();
        new ApkBuilder().manifest(manifest).dex(dex("ims", List.of("com.phonehome.sample.ims.ImsRegistration")))
                .signedBy(debug).schemes(true, true, true).write(target);
    }

    private static List<byte[]> dex(String app, List<String> classes) {
        DexCompiler compiler = new DexCompiler();
        SampleSources.ANDROID_STUBS.forEach(c -> compiler.librarySource(c, SampleSources.source("android-stubs", c)));
        classes.forEach(c -> compiler.source(c, SampleSources.source(app, c)));
        return compiler.compile();
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
