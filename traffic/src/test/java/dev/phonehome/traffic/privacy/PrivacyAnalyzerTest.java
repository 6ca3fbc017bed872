package dev.phonehome.traffic.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.device.DeviceProfiles;
import dev.phonehome.core.device.PersonalDataType;
import dev.phonehome.core.geo.Geodata;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.Regime;
import dev.phonehome.testkit.HarBuilder;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.destination.DestinationResolver;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.pii.PersonalDataMatcher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyAnalyzerTest {
    static final String ANDROID_ID = "9774d56d682e549c";
    static final String AD_ID = "e0f556e0-b265-4211-9065-85a622906954";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String PROFILE = """
            vendor: "Test vendor"
            android_id: "%s"
            advertising_id: "%s"
            """.formatted(ANDROID_ID, AD_ID);

    @TempDir
    Path dir;

    @Test
    void sensorsDataBatchIsAttributedDecodedAndItsIdentifiersFound() throws Exception {
        PrivacyReport report = analyze(har(true, true), new ArrayList<>());

        assertThat(report.exchanges()).isEqualTo(2);
        DestinationUse sensors = destination(report, "sa.api.intl.miui.com");
        assertThat(sensors.trackers()).contains("sensors-data");
        assertThat(sensors.personalData()).contains(PersonalDataType.ANDROID_ID.code());
        assertThat(sensors.destination().organisationCountry()).contains("CN");
        assertThat(sensors.destination().ownerJurisdiction().orElseThrow().regime())
                .isEqualTo(Regime.Kind.THIRD_COUNTRY);
        assertThat(sensors.destination().ipCountryStatus()).contains("documentation");

        DestinationUse ga = destination(report, "www.google-analytics.com");
        assertThat(ga.trackers()).contains("google-analytics");
        assertThat(ga.personalData()).containsExactly(PersonalDataType.ADVERTISING_ID.code());

        assertThat(report.personalData()).anySatisfy(u -> {
            assertThat(u.type()).isEqualTo(PersonalDataType.ANDROID_ID);
            assertThat(u.host()).isEqualTo("sa.api.intl.miui.com");
            assertThat(u.path()).isEqualTo("body > form:data_list > base64 > gzip > json[*].distinct_id");
            assertThat(u.form()).isEqualTo("plain");
            assertThat(u.profileKey()).contains("android_id");
        });
        assertThat(report.parameters().parameters()).anySatisfy(p -> {
            assertThat(p.host()).isEqualTo("sa.api.intl.miui.com");
            assertThat(p.tracker()).contains("sensors-data");
            assertThat(p.name()).isEqualTo("data_list.*.properties.$model");
            assertThat(p.examples()).containsExactly("Mi 10T");
            assertThat(p.standardProperties()).contains("model");
        });
    }

    @Test
    void perExchangeFactsNameTheSdkAndEveryHit() throws Exception {
        List<ExchangeFacts> facts = new ArrayList<>();
        analyze(har(true, false), facts);

        ExchangeFacts f = facts.get(0);
        assertThat(f.sdk().orElseThrow().adapterId()).isEqualTo("sensors-data/upload");
        assertThat(f.encryptedPayload()).isFalse();
        assertThat(f.personalData()).extracting(h -> h.type()).contains(PersonalDataType.ANDROID_ID);
        assertThat(f.destination().ip()).contains("192.0.2.7");
    }

    @Test
    void sameCaptureGivesIdenticalJson() throws Exception {
        Path har = har(true, true);
        String a = CanonicalJson.toString(analyze(har, new ArrayList<>()));
        String b = CanonicalJson.toString(analyze(har, new ArrayList<>()));
        assertThat(a).isEqualTo(b).contains("sa.api.intl.miui.com");
    }

    @Test
    void withoutProfileTypedDetectorsStillRun() throws Exception {
        Path har = har(false, true);
        PrivacyAnalyzer analyzer = new PrivacyAnalyzer(KnowledgeBase.load(), PersonalDataMatcher.withoutProfile(),
                new DestinationResolver(KnowledgeBase.load(), Geodata.none()), LocalDate.of(2026, 1, 1));
        new TrafficAnalyzer().analyze(har, KeyLog.empty(), analyzer::analyze);
        PrivacyReport report = analyzer.report();
        assertThat(report.personalData()).allSatisfy(u -> assertThat(u.profileKey()).isEmpty());
        assertThat(destination(report, "www.google-analytics.com").trackers()).contains("google-analytics");
    }

    private PrivacyReport analyze(Path har, List<ExchangeFacts> facts) throws Exception {
        KnowledgeBase kb = KnowledgeBase.load();
        PersonalDataMatcher matcher = PersonalDataMatcher.of(DeviceProfiles.parse("device.yaml", PROFILE));
        PrivacyAnalyzer analyzer = new PrivacyAnalyzer(kb, matcher, new DestinationResolver(kb, Geodata.none()),
                LocalDate.of(2026, 1, 1));
        new TrafficAnalyzer().analyze(har, KeyLog.empty(), (TrafficExchange x) -> facts.add(analyzer.analyze(x)));
        return analyzer.report();
    }

    private static DestinationUse destination(PrivacyReport report, String name) {
        return report.destinations().stream().filter(d -> d.destination().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no destination " + name + " in " + report.destinations()));
    }

    /** A Sensors Data batch as the SDK posts it: {@code data_list} is base64(gzip(JSON array)). */
    static HarBuilder sensorsUpload(HarBuilder har) throws IOException {
        String events = "[{\"distinct_id\":\"" + ANDROID_ID + "\",\"event\":\"AppStart\",\"type\":\"track\","
                + "\"properties\":{\"$model\":\"Mi 10T\",\"$os\":\"Android\",\"$manufacturer\":\"Xiaomi\"}}]";
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(events.getBytes(StandardCharsets.UTF_8));
        }
        String dataList = URLEncoder.encode(Base64.getEncoder().encodeToString(gz.toByteArray()), StandardCharsets.UTF_8);
        return har.request("2026-05-01T12:00:00Z", "POST", "https://sa.api.intl.miui.com/sa?project=browser",
                "192.0.2.7", FORM, "crc=1&gzip=1&data_list=" + dataList);
    }

    static HarBuilder gaHit(HarBuilder har) {
        return har.request("2026-05-01T12:00:01Z", "POST", "https://www.google-analytics.com/collect", "198.51.100.9",
                FORM, "v=1&tid=UA-1-1&t=pageview&dp=%2Fhome&cid=" + AD_ID);
    }

    private Path har(boolean sensors, boolean ga) throws IOException {
        HarBuilder har = new HarBuilder();
        if (sensors) {
            sensorsUpload(har);
        }
        if (ga) {
            gaHit(har);
        }
        return har.write(dir.resolve("capture.har"));
    }
}
