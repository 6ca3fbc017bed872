package dev.phonehome.traffic.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sensorsdata.analytics.javasdk.SensorsAnalytics;
import com.sensorsdata.analytics.javasdk.consumer.Consumer;
import dev.phonehome.core.device.PersonalDataType;
import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.decode.PayloadDecoder;
import dev.phonehome.traffic.decode.SensorsDataSdkTest;
import dev.phonehome.traffic.http.Header;
import java.io.Closeable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.HttpEntity;
import org.apache.http.client.methods.HttpEntityEnclosingRequestBase;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.util.EntityUtils;
import org.junit.jupiter.api.Test;

/**
 * A request made by the real Sensors Data Java SDK (3.4.0): its events carry the profile's
 * identifiers as an app would send them, its transport ({@code HttpConsumer}, package-private,
 * reached by reflection; nothing is sent) gzips, base64-encodes and form-encodes the batch, and the
 * matcher must name each identifier with its form and its path through every layer.
 */
class SensorsDataSdkPersonalDataTest {
    private static final String EVENT = "body > form:data_list > base64 > gzip > json[0]";

    @Test
    void everyIdentifierTheSdkSentIsFoundThroughFormBase64GzipJson() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("$device_id", "9774d56d682e549c");
        properties.put("imei_md5", HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest("358240051111110".getBytes(StandardCharsets.UTF_8))));
        properties.put("mac", "020000AABBCC");
        properties.put("phone", "37060012345");
        properties.put("$latitude", 54.6872);
        properties.put("$longitude", 25.2797);
        properties.put("search_term", "my-canary-string");
        properties.put("$model", "Mi 10T 5G");
        List<Map<String, Object>> events = new ArrayList<>();
        SensorsAnalytics sa = new SensorsAnalytics(new SensorsDataSdkTest.Collector(events));
        sa.track("9774d56d682e549c", false, "BrowserSearch", properties);
        sa.shutdown();

        HttpUriRequest request = transportRequest(new ObjectMapper().writeValueAsString(events));
        HttpEntity entity = ((HttpEntityEnclosingRequestBase) request).getEntity();
        byte[] body = EntityUtils.toByteArray(entity);
        List<Header> headers = new ArrayList<>();
        for (org.apache.http.Header h : request.getAllHeaders()) {
            headers.add(new Header(h.getName(), h.getValue()));
        }
        headers.add(new Header(entity.getContentType().getName(), entity.getContentType().getValue()));
        URI uri = request.getURI();
        DecodedPayload payload = new PayloadDecoder().decode(uri.getRawPath() + "?" + uri.getRawQuery(), headers, body);

        List<PersonalDataHit> hits = Requests.MATCHER.find("sdk", payload, body).hits();
        assertThat(hits).extracting(PersonalDataHit::path, PersonalDataHit::type, PersonalDataHit::form)
                .containsExactlyInAnyOrder(
                        tuple(EVENT + ".distinct_id", PersonalDataType.ANDROID_ID, "plain"),
                        tuple(EVENT + ".properties.$device_id", PersonalDataType.ANDROID_ID, "plain"),
                        tuple(EVENT + ".properties.imei_md5", PersonalDataType.IMEI, "md5-hex"),
                        tuple(EVENT + ".properties.mac", PersonalDataType.WIFI_MAC, "no-separator-upper-case"),
                        tuple(EVENT + ".properties.phone", PersonalDataType.PHONE, "e164-without-plus"),
                        tuple(EVENT + ".properties.$latitude", PersonalDataType.LOCATION, "location-4-decimals"),
                        tuple(EVENT + ".properties.$longitude", PersonalDataType.LOCATION, "location-4-decimals"),
                        tuple(EVENT + ".properties.search_term", PersonalDataType.HONEY, "plain"));
        assertThat(hits).extracting(PersonalDataHit::confidence).containsOnly(HitConfidence.HIGH);
    }

    /** The request the SDK's transport would send for {@code json}, built without sending it. */
    private static HttpUriRequest transportRequest(String json) throws Exception {
        Class<?> transport = Class.forName("com.sensorsdata.analytics.javasdk.consumer.HttpConsumer");
        Constructor<?> create = transport.getDeclaredConstructor(String.class, Map.class);
        create.setAccessible(true);
        Object http = create.newInstance("http://127.0.0.1:9/sa?project=default", Map.of());
        Method build = transport.getDeclaredMethod("getHttpRequest", String.class);
        build.setAccessible(true);
        try {
            return (HttpUriRequest) build.invoke(http, json);
        } finally {
            ((Closeable) http).close();
        }
    }
}
