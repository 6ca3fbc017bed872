package dev.phonehome.traffic.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.sensorsdata.analytics.javasdk.SensorsAnalytics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sensorsdata.analytics.javasdk.consumer.Consumer;
import com.sun.net.httpserver.HttpServer;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.traffic.adapter.AdapterMatch;
import dev.phonehome.traffic.adapter.SdkAdapters;
import dev.phonehome.traffic.adapter.SdkParameter;
import dev.phonehome.traffic.flow.TrafficBody;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.http.Body;
import dev.phonehome.traffic.http.Header;
import dev.phonehome.traffic.http.HttpExchange;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real Sensors Data Java SDK (3.4.0, the latest on Maven Central) builds an event and uploads it
 * to a loopback server; every property it sent must come back with its path. The SDK's own JSON
 * mapper needs a Jackson field removed in 2.20, so the events the SDK built are serialised here and
 * handed to the SDK's transport ({@code HttpConsumer}, package-private, reached by reflection), which
 * does the gzip, base64 and form encoding under test.
 */
public class SensorsDataSdkTest {
    private static final String DATA = "body > form:data_list > base64 > gzip > json[0]";
    private static final String SECOND = "body > form:data_list > base64 > gzip > json[1]";
    private static final String FAKE_ANDROID_ID = "9774d56d682e549c";

    public record Captured(String target, List<Header> headers, byte[] body) {
        /** As the HTTP engine would have reconstructed it from a capture. */
        HttpExchange exchange() {
            Body requestBody = new Body(body, body.length, "", false, Optional.empty(), new byte[0]);
            return new HttpExchange("x1", "127.0.0.1:1->127.0.0.1:2", 0, 0, 0, "HTTP/1.1", "POST", "",
                    "sa.api.intl.miui.com", target, headers, requestBody, List.of(), List.of(), 200, "OK",
                    List.of(), Body.EMPTY, List.of(), "", 0, List.of());
        }

        /** As the traffic pipeline reports it, sent to the receiver NCSC saw Mi Browser use. */
        TrafficExchange trafficExchange() {
            Optional<TrafficBody> requestBody = Optional.of(TrafficBody.of(body, Optional.empty()));
            return new TrafficExchange("x1", "c1", "2026-12-03T00:00:00Z", Optional.empty(), "127.0.0.1:1", "127.0.0.1:443",
                    Optional.empty(), Optional.empty(), Optional.empty(), "HTTP/1.1", "POST",
                    "https://sa.api.intl.miui.com" + target, 200, headers, requestBody, List.of(), Optional.empty(), List.of());
        }
    }

    @Test
    void batchConsumerUploadIsDecodedToEveryProperty() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("$model", "Mi 10T 5G");
        properties.put("$os_version", "11");
        properties.put("screen_count", 42);
        properties.put("consented", true);
        properties.put("search_term", "laisvė žodžio");

        Captured upload = upload(sa -> {
            sa.track(FAKE_ANDROID_ID, false, "BrowserSearch", properties);
            sa.track(FAKE_ANDROID_ID, false, "BrowserExit");
        });
        DecodedPayload decoded = new PayloadDecoder().decode(upload.exchange());

        assertThat(decoded.problems()).isEmpty();
        assertThat(decoded.at("query > form:project")).map(DecodedValue::value).contains("default");
        assertThat(decoded.at("body > form:gzip")).map(DecodedValue::value).contains("1");
        assertThat(decoded.at(DATA + ".distinct_id")).map(DecodedValue::value).contains(FAKE_ANDROID_ID);
        assertThat(decoded.at(DATA + ".event")).map(DecodedValue::value).contains("BrowserSearch");
        assertThat(decoded.at(DATA + ".properties.$model")).contains(
                new DecodedValue(DATA + ".properties.$model", "Mi 10T 5G", ValueKind.STRING));
        assertThat(decoded.at(DATA + ".properties.$os_version")).map(DecodedValue::value).contains("11");
        assertThat(decoded.at(DATA + ".properties.screen_count")).contains(
                new DecodedValue(DATA + ".properties.screen_count", "42", ValueKind.NUMBER));
        assertThat(decoded.at(DATA + ".properties.consented")).map(DecodedValue::kind).contains(ValueKind.BOOLEAN);
        assertThat(decoded.at(DATA + ".properties.search_term")).map(DecodedValue::value).contains("laisvė žodžio");
        assertThat(decoded.at(DATA + ".lib.$lib")).map(DecodedValue::value).contains("Java");
        assertThat(decoded.at(SECOND + ".event")).map(DecodedValue::value).contains("BrowserExit");
        assertThat(decoded.layers()).containsSubsequence("sensorsdata", "base64", "gzip", "json");
    }

    @Test
    void adapterNamesEveryPresetPropertyAndTheAndroidId() throws Exception {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("$os", "Android");
        properties.put("$os_version", "11");
        properties.put("$model", "Mi 10T 5G");
        properties.put("$manufacturer", "Xiaomi");
        properties.put("$screen_width", 1080);
        properties.put("$app_version", "12.10.3");
        properties.put("$wifi", true);
        properties.put("$carrier", "Tele2");
        properties.put("$device_id", FAKE_ANDROID_ID);
        properties.put("search_term", "laisvė");
        Captured upload = upload(sa -> sa.track(FAKE_ANDROID_ID, false, "BrowserSearch", properties));
        HttpExchange http = upload.exchange();
        AdapterMatch m = SdkAdapters.of(KnowledgeBase.load())
                .match(upload.trafficExchange(), new PayloadDecoder().decode(http)).orElseThrow();

        assertThat(m.adapterId()).isEqualTo("sensors-data/upload");
        assertThat(m.trackerId()).isEqualTo("sensors-data");
        assertThat(m.encrypted()).isEmpty();
        Map<String, List<String>> byName = new LinkedHashMap<>();
        m.parameters().forEach(p -> byName.put(p.name(), p.standardProperties()));
        String props = "data_list.*.properties.";
        assertThat(byName).containsEntry("data_list.*.distinct_id", List.of("developerScopedId"))
                .containsEntry(props + "$os", List.of("osName"))
                .containsEntry(props + "$os_version", List.of("osVersion"))
                .containsEntry(props + "$model", List.of("model"))
                .containsEntry(props + "$manufacturer", List.of("manufacturer"))
                .containsEntry(props + "$screen_width", List.of("screenWidth"))
                .containsEntry(props + "$app_version", List.of("appVersion"))
                .containsEntry(props + "$wifi", List.of("networkConnectionType"))
                .containsEntry(props + "$carrier", List.of("carrier"))
                .containsEntry(props + "$device_id", List.of("developerScopedId"))
                .containsEntry(props + "search_term", List.of())
                .containsEntry("data_list.*.event", List.of("userAction"))
                .containsEntry("data_list.*.lib.$lib_version", List.of("trackerSdkVersion"))
                .containsEntry("project", List.of("propertyId"));
        assertThat(m.parameters()).filteredOn(p -> p.name().equals("data_list.*.distinct_id"))
                .singleElement().extracting(SdkParameter::value).isEqualTo(FAKE_ANDROID_ID);
    }

    /** Keeps the events the SDK built instead of sending them. */
    public record Collector(List<Map<String, Object>> events) implements Consumer {
        @Override
        public void send(Map<String, Object> event) {
            events.add(event);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    public interface Client {
        void use(SensorsAnalytics sa) throws Exception;
    }

    public static Captured upload(Client client) throws Exception {
        CompletableFuture<Captured> captured = new CompletableFuture<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sa", exchange -> {
            try (exchange) {
                List<Header> headers = new ArrayList<>();
                exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(new Header(name, v))));
                captured.complete(new Captured(exchange.getRequestURI().toString(), headers,
                        exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException e) {
                captured.completeExceptionally(e);
            }
        });
        server.start();
        try {
            List<Map<String, Object>> events = new ArrayList<>();
            SensorsAnalytics sa = new SensorsAnalytics(new Collector(events));
            client.use(sa);
            sa.flush();
            sa.shutdown();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/sa?project=default";
            Class<?> transport = Class.forName("com.sensorsdata.analytics.javasdk.consumer.HttpConsumer");
            Constructor<?> create = transport.getDeclaredConstructor(String.class, Map.class);
            create.setAccessible(true);
            Object http = create.newInstance(url, Map.of());
            Method consume = transport.getDeclaredMethod("consume", String.class);
            consume.setAccessible(true);
            consume.invoke(http, new ObjectMapper().writeValueAsString(events));
            ((Closeable) http).close();
            return captured.get(30, TimeUnit.SECONDS);
        } finally {
            server.stop(0);
        }
    }
}
