package dev.phonehome.apk.manifest;

import static dev.phonehome.apk.manifest.AndroidAttr.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.apk.resources.ResValue;
import dev.phonehome.core.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Android's defaults and implied values, on manifest trees built in code. Attribute names are
 * left empty on purpose: Android, and this reader, go by resource id.
 */
class ManifestSemanticsTest {
    private static XmlAttribute android(int id, ResValue value) {
        return new XmlAttribute(ANDROID_NS, "", id, null, value);
    }

    private static XmlAttribute s(int id, String text) {
        return android(id, ResValue.ofString(text));
    }

    private static XmlAttribute i(int id, int v) {
        return android(id, ResValue.ofInt(v));
    }

    private static XmlAttribute b(int id, boolean v) {
        return android(id, new ResValue(ResValue.TYPE_INT_BOOLEAN, v ? -1 : 0, null));
    }

    private static XmlAttribute ref(int id, int target) {
        return android(id, new ResValue(ResValue.TYPE_REFERENCE, target, null));
    }

    private static XmlElement el(String name, List<XmlAttribute> attributes, XmlElement... children) {
        return new XmlElement("", name, 1, attributes, Arrays.asList(children));
    }

    private static XmlElement manifest(int targetSdk, List<XmlAttribute> extra, XmlElement... children) {
        List<XmlAttribute> attrs = new ArrayList<>(extra);
        attrs.add(new XmlAttribute("", "package", 0, "com.example", ResValue.ofString("com.example")));
        List<XmlElement> all = new ArrayList<>();
        if (targetSdk > 0) {
            all.add(el("uses-sdk", List.of(i(MIN_SDK_VERSION, 21), i(TARGET_SDK_VERSION, targetSdk))));
        }
        all.addAll(Arrays.asList(children));
        return el("manifest", attrs, all.toArray(XmlElement[]::new));
    }

    private static AndroidManifest read(XmlElement root) {
        return ManifestReader.read(new AxmlDocument(root, List.of()));
    }

    private static XmlElement filter(String action) {
        return el("intent-filter", List.of(), el("action", List.of(s(NAME, action))));
    }

    @Test
    void defaultsApplyWhenUsesSdkAndApplicationAttributesAreAbsent() {
        AndroidManifest m = read(manifest(0, List.of(), el("application", List.of())));
        assertThat(m.minSdk()).isEqualTo(1);
        assertThat(m.targetSdk()).isEqualTo(1);
        assertThat(m.compileSdk()).isEmpty();
        assertThat(m.application().allowBackup()).isTrue();
        assertThat(m.application().debuggable()).isFalse();
        assertThat(m.application().usesCleartextTraffic()).isTrue();
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void targetSdkDefaultsToMinSdkAndCodenameMeansDevelopment() {
        XmlElement root = el("manifest", List.of(), el("uses-sdk", List.of(i(MIN_SDK_VERSION, 19))));
        assertThat(read(root).targetSdk()).isEqualTo(19);
        XmlElement preview = el("manifest", List.of(), el("uses-sdk", List.of(s(MIN_SDK_VERSION, "Tiramisu"))));
        assertThat(read(preview).minSdk()).isEqualTo(10_000);
    }

    @Test
    void cleartextTrafficIsOffByDefaultFromTarget28() {
        assertThat(read(manifest(27, List.of(), el("application", List.of()))).application().usesCleartextTraffic()).isTrue();
        assertThat(read(manifest(28, List.of(), el("application", List.of()))).application().usesCleartextTraffic()).isFalse();
    }

    @Test
    void versionCodeMajorFormsTheHighWord() {
        AndroidManifest m = read(manifest(30, List.of(i(VERSION_CODE, 7), i(VERSION_CODE_MAJOR, 2), s(VERSION_NAME, "2.7"),
                i(COMPILE_SDK_VERSION, 33))));
        assertThat(m.versionCode()).isEqualTo((2L << 32) | 7);
        assertThat(m.versionName()).isEqualTo("2.7");
        assertThat(m.compileSdk()).hasValue(33);
    }

    @Test
    void platformSharedUserIsFlagged() {
        assertThat(read(manifest(30, List.of(s(SHARED_USER_ID, "android.uid.system")))).platformSharedUser())
                .hasValue("android.uid.system");
        assertThat(read(manifest(30, List.of(s(SHARED_USER_ID, "com.vendor.shared")))).platformSharedUser()).isEmpty();
    }

    @Test
    void componentNamesResolveAgainstThePackage() {
        XmlElement app = el("application", List.of(s(NAME, ".App")),
                el("activity", List.of(s(NAME, ".Main"))),
                el("service", List.of(s(NAME, "Sync"))),
                el("receiver", List.of(s(NAME, "org.other.Receiver"))));
        AndroidManifest m = read(manifest(30, List.of(), app));
        assertThat(m.application().name()).isEqualTo("com.example.App");
        assertThat(m.application().components()).extracting(Component::name)
                .containsExactly("com.example.Main", "com.example.Sync", "org.other.Receiver");
    }

    @Test
    void exportedIsImpliedByIntentFiltersBelowTarget31() {
        XmlElement app = el("application", List.of(),
                el("receiver", List.of(s(NAME, ".Implied")), filter("android.intent.action.BOOT_COMPLETED")),
                el("receiver", List.of(s(NAME, ".Private"))),
                el("service", List.of(s(NAME, ".Explicit"), b(EXPORTED, false)), filter("x.y.Z")));
        List<Component> c = read(manifest(30, List.of(), app)).application().components();
        assertThat(c).extracting(Component::exported).containsExactly(true, false, false);
        assertThat(c).extracting(Component::exportedExplicit).containsExactly(false, false, true);
    }

    @Test
    void missingExportedWithFiltersFromTarget31IsAProblem() {
        XmlElement app = el("application", List.of(),
                el("activity", List.of(s(NAME, ".Main")), filter("android.intent.action.MAIN")));
        AndroidManifest m = read(manifest(31, List.of(), app));
        assertThat(m.application().components().get(0).exported()).isFalse();
        assertThat(m.problems()).extracting(Problem::code).containsExactly("manifest.exported-missing");
    }

    @Test
    void providersWereExportedByDefaultBeforeTarget17() {
        XmlElement app = el("application", List.of(), el("provider", List.of(s(NAME, ".Data"), s(AUTHORITIES, "com.example.data"))));
        assertThat(read(manifest(16, List.of(), app)).application().components().get(0).exported()).isTrue();
        Component modern = read(manifest(17, List.of(), app)).application().components().get(0);
        assertThat(modern.exported()).isFalse();
        assertThat(modern.authorities()).isEqualTo("com.example.data");
    }

    @Test
    void smsDataPortReceiverKeepsActionAndPort() {
        XmlElement receiver = el("receiver", List.of(s(NAME, ".BinarySms"), b(EXPORTED, true), s(PERMISSION, "android.permission.BROADCAST_SMS")),
                el("intent-filter", List.of(i(PRIORITY, 999)),
                        el("action", List.of(s(NAME, "android.intent.action.DATA_SMS_RECEIVED"))),
                        el("data", List.of(s(SCHEME, "sms"), s(HOST, "localhost"), s(PORT, "8901")))));
        Component c = read(manifest(30, List.of(), el("application", List.of(), receiver))).application().components().get(0);
        IntentFilter f = c.intentFilters().get(0);
        assertThat(f.actions()).containsExactly("android.intent.action.DATA_SMS_RECEIVED");
        assertThat(f.priority()).isEqualTo(999);
        assertThat(f.data()).containsExactly(new IntentFilter.Data("sms", "localhost", "8901", null, null, null, null));
        assertThat(c.permission()).isEqualTo("android.permission.BROADCAST_SMS");
    }

    @Test
    void permissionsRequestedAndDeclared() {
        AndroidManifest m = read(manifest(30, List.of(),
                el("uses-permission", List.of(s(NAME, "android.permission.SEND_SMS"))),
                el("uses-permission", List.of(s(NAME, "android.permission.READ_PHONE_STATE"), i(MAX_SDK_VERSION, 28))),
                el("uses-permission-sdk-23", List.of(s(NAME, "android.permission.CAMERA"))),
                el("permission", List.of(s(NAME, "com.example.KEY"), android(PROTECTION_LEVEL,
                        new ResValue(ResValue.TYPE_INT_HEX, 0x12, null))))));
        assertThat(m.usesPermissions()).containsExactly(
                new Permissions.Requested("android.permission.SEND_SMS", 0, false),
                new Permissions.Requested("android.permission.READ_PHONE_STATE", 28, false),
                new Permissions.Requested("android.permission.CAMERA", 0, true));
        assertThat(m.permissions().get(0).protectionLevelNames()).containsExactly("signature", "privileged");
    }

    @Test
    void protectionLevelNamesIncludeUnknownBitsInHex() {
        assertThat(ProtectionLevel.format(0x3)).isEqualTo("signatureOrSystem");
        assertThat(ProtectionLevel.format(0x1 | 0x2000)).isEqualTo("dangerous|runtime");
        assertThat(ProtectionLevel.format(0x2 | 0x10000000)).isEqualTo("signature|0x10000000");
    }

    @Test
    void applicationLabelsNetworkConfigMetaDataLibrariesAndQueries() {
        XmlElement app = el("application", List.of(ref(LABEL, 0x7f0b0001), ref(NETWORK_SECURITY_CONFIG, 0x7f0e0000),
                        s(APP_COMPONENT_FACTORY, "androidx.core.app.CoreComponentFactory"), b(DEBUGGABLE, true)),
                el("meta-data", List.of(s(NAME, "com.google.android.gms.version"), ref(RESOURCE, 0x7f0a0001))),
                el("meta-data", List.of(s(NAME, "channel"), i(VALUE, 42))),
                el("uses-library", List.of(s(NAME, "org.apache.http.legacy"), b(REQUIRED, false))));
        XmlElement queries = el("queries", List.of(), el("package", List.of(s(NAME, "com.whatsapp"))),
                el("provider", List.of(s(AUTHORITIES, "com.other.data"))));
        AndroidManifest m = read(manifest(30, List.of(), queries, app));
        Application a = m.application();
        assertThat(a.labelResource()).isEqualTo(0x7f0b0001);
        assertThat(a.label()).isNull();
        assertThat(a.networkSecurityConfig()).isEqualTo(0x7f0e0000);
        assertThat(a.debuggable()).isTrue();
        assertThat(a.appComponentFactory()).isEqualTo("androidx.core.app.CoreComponentFactory");
        assertThat(a.metaData()).containsExactly(new MetaData("com.google.android.gms.version", null, 0x7f0a0001),
                new MetaData("channel", "42", 0));
        assertThat(a.usesLibraries()).containsExactly(new Requirement("org.apache.http.legacy", false));
        assertThat(m.queries().packages()).containsExactly("com.whatsapp");
        assertThat(m.queries().providerAuthorities()).containsExactly("com.other.data");
    }

    @Test
    void unusableAttributeValuesAreProblemsAndDefaultsApply() {
        XmlElement app = el("application", List.of(s(ALLOW_BACKUP, "maybe"), ref(DEBUGGABLE, 0x7f050001)));
        AndroidManifest m = read(manifest(30, List.of(s(VERSION_CODE, "12x")), app));
        assertThat(m.versionCode()).isZero();
        assertThat(m.application().allowBackup()).isTrue();
        assertThat(m.application().debuggable()).isFalse();
        assertThat(m.problems()).extracting(Problem::code).containsOnly("manifest.attribute-value").hasSize(3);
    }

    @Test
    void packageIsReadFromTheRawValueAsAndroidDoes() {
        XmlElement root = el("manifest", List.of(new XmlAttribute("", "package", 0, "com.real", ResValue.ofString("com.decoy"))));
        assertThat(read(root).packageName()).isEqualTo("com.real");
    }

    @Test
    void nonManifestRootIsAProblem() {
        assertThat(read(el("resources", List.of())).problems()).extracting(Problem::code).containsExactly("manifest.root");
    }
}
