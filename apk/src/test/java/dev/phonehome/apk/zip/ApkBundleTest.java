package dev.phonehome.apk.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApkBundleTest {
    private static final byte[] APK = ZipFixtures.smallApk();
    private static final byte[] JSON = "{}".getBytes(StandardCharsets.UTF_8);

    private static ApkBundle bundle(Map<String, byte[]> entries, String... stored) throws ZipFormatException {
        return ApkBundle.of(ApkArchive.of("app.bundle", ByteBuffer.wrap(ZipFixtures.zip(entries, stored))));
    }

    @Test
    void xapkListsItsApksAndObbs() throws Exception {
        ApkBundle b = bundle(Map.of("manifest.json", JSON, "com.example.apk", APK, "config.arm64_v8a.apk", APK,
                "icon.png", new byte[10], "Android/obb/com.example/main.1.com.example.obb", new byte[100]));

        assertThat(b.format()).isEqualTo(ApkBundle.Format.XAPK);
        assertThat(b.apkNames()).containsExactly("com.example.apk", "config.arm64_v8a.apk");
        assertThat(b.obbNames()).containsExactly("Android/obb/com.example/main.1.com.example.obb");
    }

    @Test
    void apksFromBundletoolListsSplitsAndStandalones() throws Exception {
        ApkBundle b = bundle(Map.of("toc.pb", new byte[4], "splits/base-master.apk", APK,
                "splits/base-xxhdpi.apk", APK, "standalones/standalone-arm64.apk", APK, "other/ignored.apk", APK));

        assertThat(b.format()).isEqualTo(ApkBundle.Format.APKS);
        assertThat(b.apkNames()).containsExactly(
                "splits/base-master.apk", "splits/base-xxhdpi.apk", "standalones/standalone-arm64.apk");
    }

    @Test
    void apkmAndPlainSplitZipsAreRecognised() throws Exception {
        assertThat(bundle(Map.of("info.json", JSON, "base.apk", APK)).format()).isEqualTo(ApkBundle.Format.APKM);
        ApkBundle split = bundle(Map.of("base.apk", APK, "split_config.en.apk", APK), "base.apk");
        assertThat(split.format()).isEqualTo(ApkBundle.Format.SPLIT_APKS);
        assertThat(split.apkNames()).containsExactly("base.apk", "split_config.en.apk");
    }

    @Test
    void nestedApksAreReadableWhetherStoredOrDeflated() throws Exception {
        ApkBundle b = bundle(Map.of("base.apk", APK, "split_config.en.apk", APK), "base.apk");

        for (String name : b.apkNames()) {
            ApkArchive apk = b.open(name);
            assertThat(apk.depth()).isEqualTo(1);
            assertThat(apk.displayName()).isEqualTo("app.bundle!/" + name);
            assertThat(apk.read(apk.find("classes.dex").orElseThrow())).hasSize(800);
        }
        assertThatThrownBy(() -> b.open("classes.dex")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anApkIsNotABundleAndAPlainZipHasNoApks() throws Exception {
        assertThat(ApkBundle.of(ApkArchive.of("a.apk", ByteBuffer.wrap(APK))).format())
                .isEqualTo(ApkBundle.Format.APK);
        ApkBundle zip = bundle(Map.of("readme.txt", JSON));
        assertThat(zip.format()).isEqualTo(ApkBundle.Format.ZIP);
        assertThat(zip.apkNames()).isEmpty();
    }

    @Test
    void aCorruptNestedApkFailsWithACodeAndItsSiblingsStillOpen() throws Exception {
        ApkBundle b = bundle(Map.of("base.apk", APK, "split_config.broken.apk", new byte[300]));

        assertThatThrownBy(() -> b.open("split_config.broken.apk")).isInstanceOfSatisfying(ZipFormatException.class,
                e -> assertThat(e.code()).isEqualTo("zip.no-end-of-central-directory"));
        assertThat(b.open("base.apk").entries()).hasSize(4);
    }

    @Test
    void nestingStopsAtTheDepthLimit() throws Exception {
        byte[] inner = ZipFixtures.zip(Map.of("base.apk", APK));
        byte[] outer = ZipFixtures.zip(Map.of("bundle.apk", inner));
        ReadLimits oneLevel = new ReadLimits(1 << 20, 1000, 1 << 20, 1 << 30, 100, 1);

        ApkBundle top = ApkBundle.of(ApkArchive.of("outer.zip", ByteBuffer.wrap(outer), oneLevel));
        ApkBundle second = ApkBundle.of(top.open("bundle.apk"));

        assertThat(second.apkNames()).containsExactly("base.apk");
        assertThatThrownBy(() -> second.open("base.apk")).isInstanceOfSatisfying(ZipFormatException.class,
                e -> assertThat(e.code()).isEqualTo("zip.nesting-too-deep"));
    }

    @Test
    void nestedArchivesDrawOnTheirParentsBudget() throws Exception {
        byte[] inner = ZipFixtures.zip(Map.of("zeros", new byte[1 << 20]));
        byte[] outer = ZipFixtures.zip(Map.of("assets/plugin.apk", inner), "assets/plugin.apk");
        ReadLimits budget = new ReadLimits(1 << 20, 1000, 1 << 20, (1 << 20) + 10, 100, 2);
        ApkArchive apk = ApkArchive.of("host.apk", ByteBuffer.wrap(outer), budget);

        ApkArchive plugin = apk.openNested(apk.find("assets/plugin.apk").orElseThrow());
        assertThat(plugin.read(plugin.entries().get(0))).hasSize(1 << 20);

        assertThatThrownBy(() -> plugin.read(plugin.entries().get(0))).isInstanceOfSatisfying(
                ZipFormatException.class, e -> assertThat(e.code()).isEqualTo("zip.budget-exceeded"));
    }
}
