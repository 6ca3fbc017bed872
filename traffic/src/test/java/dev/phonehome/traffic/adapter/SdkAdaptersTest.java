package dev.phonehome.traffic.adapter;

import static dev.phonehome.traffic.adapter.Requests.match;
import static dev.phonehome.traffic.adapter.Requests.parameter;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import dev.phonehome.traffic.flow.TrafficExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Requests shaped as each SDK sends them, built in code, and what the shipped adapters make of them. */
class SdkAdaptersTest {
    private static final String ADID = "e0f556e0-b265-4211-9065-85a622906954";
    private static final String ANDROID_ID = "9774d56d682e549c";

    @Test
    void googleAnalyticsMeasurementProtocolV1() {
        AdapterMatch m = match(Requests.get("https://www.google-analytics.com/collect?v=1&tid=UA-12345-1&cid=555"
                + "&t=pageview&dp=%2Fhome&ul=lt-lt&sr=1080x2400", "User-Agent", "Dalvik/2.1.0")).orElseThrow();
        assertThat(m.adapterId()).isEqualTo("google/google-analytics");
        assertThat(m.trackerId()).isEqualTo("google-analytics");
        assertThat(parameter(m, "query", "tid").standardProperties()).containsExactly("propertyId");
        assertThat(parameter(m, "query", "cid").standardProperties()).containsExactly("browserId");
        assertThat(parameter(m, "query", "ul").standardProperties()).containsExactly("language");
        assertThat(parameter(m, "query", "sr").standardProperties()).containsExactly("screenHeight", "screenWidth");
        assertThat(parameter(m, "query", "dp").value()).isEqualTo("/home");
        assertThat(parameter(m, "header", "user-agent").standardProperties()).containsExactly("userAgent");
        assertThat(parameter(m, "query", "t").standardProperties()).as("hit type maps nothing").isEmpty();
        assertThat(m.isEncrypted()).isFalse();
    }

    @Test
    void googleAnalytics4MeasurementProtocol() {
        AdapterMatch m = match(Requests.post("https://www.google-analytics.com/mp/collect?measurement_id=G-ABC&api_secret=s",
                "{\"client_id\":\"555.666\",\"user_id\":\"u-1\",\"events\":[{\"name\":\"purchase\",\"params\":{\"value\":3}}]}",
                "application/json")).orElseThrow();
        assertThat(m.adapterId()).isEqualTo("google-analytics/mp-collect");
        assertThat(parameter(m, "query", "measurement_id").standardProperties()).containsExactly("propertyId");
        assertThat(parameter(m, "body", "client_id").standardProperties()).containsExactly("browserId");
        assertThat(parameter(m, "body", "events.*.name").value()).isEqualTo("purchase");
        assertThat(parameter(m, "body", "events.*.name").path()).isEqualTo("body > json.events[0].name");
        assertThat(parameter(m, "body", "events.*.params.value").standardProperties()).isEmpty();
    }

    @Test
    void firebaseAppMeasurementBatchOfTwoBundles() throws IOException {
        byte[] batch = batch(bundle("com.example.browser", "Mi 10T 5G", "screen_view"), bundle("com.example.browser", "Mi 10T 5G", "app_exit"));
        AdapterMatch m = match(Requests.exchange("POST", "https://app-measurement.com/a", gzip(batch),
                "Content-Type", "application/x-www-form-urlencoded")).orElseThrow();
        assertThat(m.adapterId()).isEqualTo("firebase-analytics/app-measurement");
        assertThat(m.trackerId()).isEqualTo("firebase-analytics");
        SdkParameter adid = parameter(m, "body", "1.19");
        assertThat(adid.value()).isEqualTo(ADID);
        assertThat(adid.standardProperties()).containsExactly("advertisingId");
        assertThat(adid.path()).isEqualTo("body > gzip > pb:1[0].19");
        assertThat(parameter(m, "body", "1.27").standardProperties()).containsExactly("developerScopedId");
        assertThat(parameter(m, "body", "1.14").standardProperties()).containsExactly("appId");
        assertThat(parameter(m, "body", "1.10").standardProperties()).containsExactly("model");
        assertThat(m.parameters()).filteredOn(p -> p.name().equals("1.2.2")).extracting(SdkParameter::value)
                .containsExactly("screen_view", "app_exit");
        assertThat(parameter(m, "body", "1.2.2").standardProperties()).containsExactly("userAction");
    }

    /** A Bundle as numbered in the community app-measurement.proto, plus TrackHAR's field 19. */
    private static byte[] bundle(String app, String model, String event) throws IOException {
        ByteArrayOutputStream eventBytes = new ByteArrayOutputStream();
        CodedOutputStream e = CodedOutputStream.newInstance(eventBytes);
        e.writeString(2, event);
        e.writeInt64(3, 1_764_720_000_000L);
        e.flush();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodedOutputStream b = CodedOutputStream.newInstance(out);
        b.writeInt32(1, 1);
        b.writeByteArray(2, eventBytes.toByteArray());
        b.writeString(8, "android");
        b.writeString(9, "11");
        b.writeString(10, model);
        b.writeString(14, app);
        b.writeString(16, "12.1.0");
        b.writeString(19, ADID);
        b.writeString(27, ANDROID_ID);
        b.flush();
        return out.toByteArray();
    }

    private static byte[] batch(byte[]... bundles) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodedOutputStream c = CodedOutputStream.newInstance(out);
        for (byte[] bundle : bundles) {
            c.writeByteArray(1, bundle);
        }
        c.flush();
        return out.toByteArray();
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void adjustSessionForm() {
        AdapterMatch m = match(Requests.post("https://app.adjust.com/session", "gps_adid=" + ADID + "&android_id="
                + ANDROID_ID + "&app_token=abc&partner_params=%7B%22tier%22%3A%22gold%22%7D",
                "application/x-www-form-urlencoded")).orElseThrow();
        assertThat(m.adapterId()).isEqualTo("adjust/body");
        assertThat(m.trackerId()).isEqualTo("adjust");
        assertThat(parameter(m, "body", "gps_adid").standardProperties()).containsExactly("advertisingId");
        assertThat(parameter(m, "body", "android_id").standardProperties()).containsExactly("developerScopedId");
        assertThat(parameter(m, "body", "partner_params.tier").value()).isEqualTo("gold");
    }

    @Test
    void facebookAppEventsPickTheVariantThatReadsTheBodyAndSkipPlaceholders() {
        TrafficExchange e = Requests.post("https://graph.facebook.com/v12.0/1234567/activities",
                "event=MOBILE_APP_INSTALL&advertiser_id=" + ADID + "&app_user_id=0&extinfo="
                        + "%5B%22a2%22%2C%22com.example%22%2C%2242%22%2C%221.0%22%2C%2211%22%2C%22Mi%2010T%22%5D",
                "application/x-www-form-urlencoded");
        assertThat(Requests.SHIPPED.candidates(e))
                .containsExactly("facebook/graph-activities-json", "facebook/graph-activities-qs");
        AdapterMatch m = match(e).orElseThrow();
        assertThat(m.adapterId()).isEqualTo("facebook/graph-activities-qs");
        assertThat(m.trackerId()).isEqualTo("facebook-analytics");
        assertThat(parameter(m, "body", "extinfo.5").value()).isEqualTo("Mi 10T");
        assertThat(parameter(m, "body", "extinfo.5").standardProperties()).containsExactly("model");
        assertThat(parameter(m, "body", "extinfo.1").standardProperties()).containsExactly("appId");
        assertThat(parameter(m, "body", "advertiser_id").standardProperties()).containsExactly("advertisingId");
        assertThat(parameter(m, "body", "app_user_id").standardProperties()).as("0 is TrackHAR's placeholder").isEmpty();
    }

    @Test
    void sensorsDataEncryptedUploadIsAnEncryptedPayloadNotAnEmptyOne() {
        byte[] secret = new byte[96];
        new Random(1).nextBytes(secret);
        AdapterMatch m = match(Requests.post("https://sa.api.intl.miui.com/sa?project=miui_browser",
                "crc=12&gzip=9&data_list=" + Base64.getEncoder().encodeToString(secret).replace("+", "%2B"),
                "application/x-www-form-urlencoded")).orElseThrow();
        assertThat(m.adapterId()).isEqualTo("sensors-data/upload");
        assertThat(m.encrypted()).singleElement().satisfies(p -> {
            assertThat(p.scheme()).isEqualTo("sensorsdata-gzip-9");
            assertThat(p.bytes()).isEqualTo(96);
            assertThat(p.path()).isEqualTo("body > form:data_list > base64 > encrypted-payload(sensorsdata-gzip-9)");
        });
        assertThat(parameter(m, "query", "project").standardProperties()).containsExactly("propertyId");
    }

    @Test
    void oneTrackBodyIsEncryptedAndItsHeadersStayVisible() {
        byte[] body = new byte[300];
        new Random(2).nextBytes(body);
        AdapterMatch m = match(Requests.exchange("POST", "https://tracking.intl.miui.com/track/v4?app_id=2882303761517", body,
                "OT_SID", "f1e2", "OT_ts", "1764720000", "OT_net", "WIFI", "Content-Type", "application/octet-stream"))
                .orElseThrow();
        assertThat(m.adapterId()).isEqualTo("xiaomi-onetrack/track");
        assertThat(m.encrypted()).containsExactly(new EncryptedPayload("xiaomi-onetrack", "body", 300));
        assertThat(m.parameters()).extracting(SdkParameter::name).contains("ot_sid", "ot_ts", "ot_net", "app_id");
        assertThat(m.parameters()).noneMatch(p -> p.context().equals("body"));
        AdapterMatch bodyless = match(Requests.get("https://tracking.miui.com/track/v4?app_id=1", "OT_SID", "f1e2"))
                .orElseThrow();
        assertThat(bodyless.adapterId()).isEqualTo("xiaomi-onetrack/track");
        assertThat(bodyless.encrypted()).as("nothing was sent encrypted").isEmpty();
    }

    @Test
    void hiAnalyticsIsRecognisedOnItsPort() {
        TrafficExchange onPort = Requests.exchange("POST", "https://metrics1.data.hicloud.com:6447/webv4", new byte[40]);
        assertThat(match(onPort)).map(AdapterMatch::encrypted).get().asList()
                .containsExactly(new EncryptedPayload("huawei-hianalytics", "body", 40));
        assertThat(Requests.SHIPPED.candidates(Requests.exchange("POST", "https://metrics1.data.hicloud.com/webv4", new byte[40])))
                .isEmpty();
    }

    @Test
    void umengEnvelopeIsEncrypted() {
        AdapterMatch m = match(Requests.exchange("POST", "https://ulogs.umeng.com/unify_logs", new byte[] {1, 2, 3})).orElseThrow();
        assertThat(m.trackerId()).isEqualTo("umeng");
        assertThat(m.encrypted()).extracting(EncryptedPayload::scheme).containsExactly("umeng-envelope");
    }

    @Test
    void mixpanelBase64Batch() {
        String events = "[{\"event\":\"App Open\",\"properties\":{\"distinct_id\":\"d-1\",\"$os\":\"Android\",\"token\":\"tok\"}}]";
        AdapterMatch m = match(Requests.post("https://api.mixpanel.com/track", "data="
                + Base64.getEncoder().encodeToString(events.getBytes(StandardCharsets.UTF_8)), "application/x-www-form-urlencoded"))
                .orElseThrow();
        assertThat(m.adapterId()).isEqualTo("mixpanel/ingestion");
        assertThat(parameter(m, "body", "data.*.properties.$os").standardProperties()).containsExactly("osName");
        assertThat(parameter(m, "body", "data.*.properties.distinct_id").standardProperties()).containsExactly("userId");
        assertThat(parameter(m, "body", "data.*.event").standardProperties()).containsExactly("userAction");
    }

    @Test
    void segmentAmplitudeAndSentry() {
        AdapterMatch segment = match(Requests.post("https://api.segment.io/v1/batch", "{\"batch\":[{\"type\":\"track\","
                + "\"anonymousId\":\"a-1\",\"context\":{\"device\":{\"advertisingId\":\"" + ADID + "\"}}}]}", "application/json"))
                .orElseThrow();
        assertThat(parameter(segment, "body", "batch.*.context.device.advertisingId").standardProperties())
                .containsExactly("advertisingId");
        AdapterMatch amplitude = match(Requests.post("https://api2.amplitude.com/2/httpapi", "{\"api_key\":\"k\",\"events\":"
                + "[{\"device_id\":\"dev-1\",\"event_type\":\"open\",\"adid\":\"" + ADID + "\"}]}", "application/json")).orElseThrow();
        assertThat(amplitude.trackerId()).isEqualTo("amplitude");
        assertThat(parameter(amplitude, "body", "events.*.adid").standardProperties()).containsExactly("advertisingId");
        assertThat(parameter(amplitude, "body", "api_key").standardProperties()).containsExactly("propertyId");
        AdapterMatch sentry = match(Requests.post("https://o1.ingest.sentry.io/api/42/envelope/",
                "{\"event_id\":\"e1\"}\n{\"type\":\"event\"}\n{\"user\":{\"id\":\"u-9\"},\"contexts\":{\"device\":{\"model\":\"Pixel\"}}}\n",
                "application/x-sentry-envelope")).orElseThrow();
        assertThat(sentry.trackerId()).isEqualTo("sentry");
        assertThat(parameter(sentry, "body", "*.user.id").standardProperties()).containsExactly("userId");
        assertThat(parameter(sentry, "body", "*.contexts.device.model").standardProperties()).containsExactly("model");
    }

    @Test
    void requestsToOtherHostsMatchNothing() {
        assertThat(match(Requests.get("https://example.org/collect?tid=UA-1"))).isEmpty();
        assertThat(match(Requests.get("https://notgoogle-analytics.com/collect?tid=UA-1"))).isEmpty();
    }
}
