package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Loads the shipped knowledge base, which validates every file, and checks what it must hold. */
class KnowledgeBaseTest {
    private final KnowledgeBase kb = KnowledgeBase.load();

    @Test
    void allFilesShareOneVersion() {
        assertThat(kb.version()).isEqualTo("2026.12.03");
    }

    @Test
    void loadsOnceAcrossThreads() {
        List<KnowledgeBase> loaded = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(KnowledgeBase::load))
                .map(CompletableFuture::join)
                .toList();
        assertThat(loaded).allSatisfy(k -> assertThat(k).isSameAs(kb));
    }

    @Test
    void everyExodusTrackerIsImportedOnce() {
        List<String> exodusRefs = kb.trackers().all().stream()
                .flatMap(t -> t.provenance().stream())
                .filter(p -> p.source().equals("exodus"))
                .map(Provenance::ref)
                .toList();
        assertThat(exodusRefs).hasSize(432).doesNotHaveDuplicates();
    }

    @Test
    void umengFromBothSourcesIsOneTrackerOwnedByAlibaba() {
        Tracker umeng = kb.trackers().byId("umeng").orElseThrow();
        assertThat(umeng.provenance()).extracting(Provenance::source).containsExactlyInAnyOrder("oem-sdks", "exodus", "exodus");
        assertThat(kb.trackers().all()).filteredOn(t -> t.name().startsWith("Umeng")).containsExactly(umeng);
        assertThat(kb.organisations().chain(umeng.organisation())).extracting(Organisation::id)
                .containsExactly("umeng", "alibaba");
        assertThat(kb.organisations().group(umeng.organisation())).map(Organisation::id).hasValue("alibaba");
        assertThat(kb.organisations().group("google")).map(Organisation::id).hasValue("alphabet");
        assertThat(kb.organisations().group("alibaba")).isEmpty();
        assertThat(umeng.codePrefixes()).filteredOn(p -> p.value().equals("com.umeng.analytics"))
                .singleElement().satisfies(p -> assertThat(p.confidence()).isEqualTo(Confidence.HIGH));
        assertThat(umeng.nativeLibraries()).extracting(SourcedValue::value).contains("libumeng-spy.so");
    }

    @Test
    void oemFactsKeepTheirConfidence() {
        Tracker oneTrack = kb.trackers().byId("xiaomi-onetrack").orElseThrow();
        assertThat(oneTrack.domains()).filteredOn(d -> d.value().equals("tracking.eu.miui.com"))
                .singleElement().extracting(SourcedValue::confidence).isEqualTo(Confidence.MEDIUM);
        assertThat(kb.organisations().byId(oneTrack.organisation()).orElseThrow().country()).isEqualTo("CN");
    }

    @Test
    void headquartersOfTheMainOrganisations() {
        assertThat(List.of("google", "meta", "xiaomi", "huawei", "tencent", "alibaba", "bytedance", "baidu", "sensors-data"))
                .extracting(id -> kb.organisations().byId(id).orElseThrow().country())
                .containsExactly("US", "US", "CN", "CN", "CN", "CN", "CN", "CN", "CN");
    }

    @Test
    void indexesAnswerForShippedSignatures() {
        assertThat(kb.codeSignatures().match("Lcom/sensorsdata/analytics/android/sdk/SensorsDataAPI;"))
                .extracting(m -> m.tracker().id()).contains("sensors-data");
        assertThat(kb.networkSignatures().match("tracking.intl.miui.com"))
                .extracting(m -> m.tracker().id()).contains("xiaomi-onetrack").doesNotContain("umeng");
        assertThat(kb.trackers().byId("sensors-data").orElseThrow().versionHints())
                .extracting(VersionHint::field).containsExactly("VERSION");
    }

    @Test
    void permissionsComeFromTheFramework() {
        assertThat(kb.permissions().size()).isGreaterThan(400);
        assertThat(kb.permissions().source()).contains("10.0.0");
        assertThat(kb.permissions().byName("android.permission.READ_CONTACTS").orElseThrow().isDangerous()).isTrue();
        assertThat(kb.permissions().byName("android.permission.INTERNET").orElseThrow().protection()).isEqualTo("normal");
        Permission install = kb.permissions().byName("android.permission.INSTALL_PACKAGES").orElseThrow();
        assertThat(install.protection()).isEqualTo("signature");
        assertThat(install.flags()).contains("privileged");
    }

    @Test
    void everyCapabilityPermissionIsAPlatformPermissionOrAGmsOne() {
        for (RiskyApi api : kb.riskyApis().all()) {
            Capability capability = kb.riskyApis().capability(api.capability()).orElseThrow();
            assertThat(capability.permissions())
                    .allMatch(p -> p.startsWith("com.google.android.gms.") || p.equals("android.permission.BLUETOOTH_CONNECT")
                            || p.equals("android.permission.READ_PHONE_NUMBERS") || p.equals("android.permission.QUERY_ALL_PACKAGES")
                            || kb.permissions().byName(p).isPresent(), capability.id() + " permissions");
        }
    }

    @Test
    void exactSignaturesFindTheirTrackers() {
        assertThat(kb.trackers().withSignature(ExactSignature.NATIVE_LIBRARY, "libBugly.so"))
                .extracting(Tracker::id).containsExactly("tencent-bugly");
        assertThat(kb.trackers().withSignature(ExactSignature.MANIFEST_COMPONENT, "com.xiaomi.push.service.XMPushService"))
                .extracting(Tracker::id).containsExactly("xiaomi-push");
        assertThat(kb.trackers().withSignature(ExactSignature.MANIFEST_META_DATA, "BaiduMobAd_STAT_ID"))
                .extracting(Tracker::id).containsExactly("baidu-mobstat");
        assertThat(kb.trackers().withSignature(ExactSignature.NATIVE_LIBRARY, "libc.so")).isEmpty();
    }

    @Test
    void resultsAreImmutable() {
        Tracker any = kb.trackers().all().get(0);
        assertThatThrownBy(() -> kb.trackers().all().add(any)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> any.codePrefixes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> kb.lexicon().terms().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
