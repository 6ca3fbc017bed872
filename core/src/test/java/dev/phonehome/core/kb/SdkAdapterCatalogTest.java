package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdkAdapterCatalogTest {
    private static final String ADAPTER = """
            {"id": "umeng/logs", "tracker": "umeng", "name": "Umeng logs",
             "endpoints": [{"domain": "umeng.com", "path": "/logs"}],
             "fields": [{"property": "deviceId", "context": "body", "selector": "header.device_id",
                         "not_if": {"equals": "0"}}],
             "provenance": %s}
            """.formatted(KbFixtures.PROVENANCE);

    private static String file(String adapter) {
        return "{" + KbFixtures.HEADER + """
                "standard_properties": [{"name": "deviceId", "label": "Device ID", "source": "src"}],
                "adapters": [%s]}
                """.formatted(adapter);
    }

    private static SdkAdapterCatalog parse(String json) {
        return SdkAdapterCatalog.parse("sdk-adapters.json", KbFixtures.stream(json), null,
                KbFixtures.trackers(KbFixtures.TRACKERS));
    }

    @Test
    void validFileLoads() {
        SdkAdapterCatalog catalog = parse(file(ADAPTER));
        assertThat(catalog.byId("umeng/logs")).map(SdkAdapter::tracker).contains("umeng");
        assertThat(catalog.standardProperties()).containsOnlyKeys("deviceId");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown tracker|\"tracker\": \"umeng\"|\"tracker\": \"nobody\"|unknown tracker 'nobody'",
        "unknown property|\"property\": \"deviceId\"|\"property\": \"imei\"|'imei' is not a standard property",
        "bad selector|\"header.device_id\"|\"header..device_id\"|bad selector",
        "header selector case|\"context\": \"body\", \"selector\": \"header.device_id\"|\"context\": \"header\", \"selector\": \"X-Id\"|lower case",
        "host and domain|\"domain\": \"umeng.com\"|\"domain\": \"umeng.com\", \"host\": \"a.umeng.com\"|exactly one of host and domain",
        "bad path|\"path\": \"/logs\"|\"path\": \"logs/\"|path must start with '/'",
        "bad regex|\"path\": \"/logs\"|\"path_regex\": \"(\"|bad regex '('",
        "double condition|{\"equals\": \"0\"}|{\"equals\": \"0\", \"regex\": \"x\"}|exactly one of equals and regex",
        "bad id|umeng/logs|Umeng Logs|not tracker/endpoint slug",
        "nothing to say|\"fields\": [{\"property\"|\"fields\": [], \"x\": [{\"property\"|Unrecognized field",
        "no endpoints|[{\"domain\": \"umeng.com\", \"path\": \"/logs\"}]|[]|endpoints is missing or empty",
    })
    void brokenEntriesFailNamingTheAdapter(String what, String from, String to, String message) {
        String broken = ADAPTER.replace(from, to);
        assertThat(broken).as("fixture edit for " + what).isNotEqualTo(ADAPTER);
        assertThatThrownBy(() -> parse(file(broken)))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageStartingWith("sdk-adapters.json: ")
                .hasMessageContaining(message);
    }

    @Test
    void adapterWithoutFieldsMustDeclareAnEncryptedBody() {
        String silent = ADAPTER.replaceFirst("(?s)\"fields\": \\[.*?}],", "");
        assertThatThrownBy(() -> parse(file(silent))).hasMessageContaining("adapter 'umeng/logs'")
                .hasMessageContaining("neither fields nor an encrypted body");
        assertThat(parse(file(silent.replace("\"name\"", "\"encrypted_body\": \"umeng-envelope\", \"name\""))).all())
                .singleElement().extracting(a -> a.encryptedScheme().orElseThrow()).isEqualTo("umeng-envelope");
    }

    @Test
    void shippedAdaptersCoverTheRequiredSdksAndNameKnownTrackers() {
        KnowledgeBase kb = KnowledgeBase.load();
        SdkAdapterCatalog catalog = kb.sdkAdapters();
        assertThat(catalog.all()).hasSizeGreaterThan(100);
        assertThat(catalog.standardProperties()).hasSize(104).containsKeys("advertisingId", "developerScopedId");
        Set<String> trackers = new HashSet<>();
        catalog.all().forEach(a -> trackers.add(a.tracker()));
        assertThat(trackers).contains("sensors-data", "firebase-analytics", "google-analytics", "adjust", "appsflyer",
                "facebook-analytics", "umeng", "mixpanel", "segment", "amplitude", "sentry", "xiaomi-onetrack",
                "huawei-hianalytics");
        assertThat(catalog.byId("xiaomi-onetrack/track").flatMap(SdkAdapter::encryptedScheme)).contains("xiaomi-onetrack");
        assertThat(catalog.byId("google/app-measurement")).as("superseded by the curated entry").isEmpty();
        assertThat(catalog.byId("firebase-analytics/app-measurement").orElseThrow().fields())
                .anySatisfy(f -> assertThat(f).extracting(FieldMapping::selector, FieldMapping::property)
                        .containsExactly("1.*.19", "advertisingId"));
        for (SdkAdapter a : catalog.all()) {
            assertThat(kb.trackers().byId(a.tracker())).as(a.id()).isPresent();
        }
    }
}
