package dev.phonehome.traffic.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phonehome.core.device.DeviceProfiles;
import dev.phonehome.core.device.PersonalDataType;
import dev.phonehome.core.geo.Geodata;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.traffic.adapter.InventoryEntry;
import dev.phonehome.traffic.adapter.SdkParameter;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.decode.SensorsDataSdkTest;
import dev.phonehome.traffic.destination.DestinationResolver;
import dev.phonehome.traffic.flow.LoopbackLab;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.http.Header;
import dev.phonehome.traffic.pii.PersonalDataMatcher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain with a real SDK: the Sensors Data Java SDK (3.4.0) builds an upload carrying a
 * device's identifiers, curl posts exactly that body over real TLS on loopback (to
 * {@code sa.api.intl.miui.com} resolved to 127.0.0.1, served by nghttpd), tcpdump records it and
 * curl logs its secrets; the capture is decrypted, the SDK recognised and every property and
 * identifier the SDK sent is reported with its standard property, type and path.
 */
class SensorsSdkOverTlsTest {
    static final String HOST = "sa.api.intl.miui.com";
    static final String ANDROID_ID = "9774d56d682e549c";
    static final String IMEI = "358240051111110";
    static final String AD_ID = "e0f556e0-b265-4211-9065-85a622906954";
    static final double LATITUDE = 54.687213;
    static final double LONGITUDE = 25.279712;
    static final String HONEY = "phonehome-honey-5b1e9c";
    static final String PROFILE = """
            vendor: "Xiaomi"
            model: "Mi 10T 5G"
            android_id: "%s"
            imei: "%s"
            advertising_id: "%s"
            location: "%s,%s"
            honey: ["%s"]
            """.formatted(ANDROID_ID, IMEI, AD_ID, LATITUDE, LONGITUDE, HONEY);
    static final String EVENTS = "body > form:data_list > base64 > gzip > json[*]";

    @TempDir
    Path dir;

    @Test
    void sdkUploadCapturedOverTlsIsDecryptedAttributedAndItsIdentifiersFound() throws Exception {
        assumeTrue(LoopbackLab.available("tcpdump", "curl", "openssl", "nghttpd"), "needs tcpdump, curl, openssl and nghttpd");
        long started = System.nanoTime();

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("$os", "Android");
        properties.put("$os_version", "11");
        properties.put("$model", "Mi 10T 5G");
        properties.put("$manufacturer", "Xiaomi");
        properties.put("$app_version", "12.10.3");
        properties.put("imei", IMEI);
        properties.put("$gaid", AD_ID);
        properties.put("$latitude", LATITUDE);
        properties.put("$longitude", LONGITUDE);
        properties.put("search_term", HONEY);
        SensorsDataSdkTest.Captured upload = SensorsDataSdkTest.upload(sa ->
                sa.track(ANDROID_ID, false, "BrowserSearch", properties));
        String contentType = upload.headers().stream().filter(h -> h.name().equalsIgnoreCase("Content-Type"))
                .map(Header::value).findFirst().orElseThrow();
        assertThat(upload.target()).isEqualTo("/sa?project=default");
        assertThat(contentType).startsWith("application/x-www-form-urlencoded");
        Path body = Files.write(dir.resolve("upload.bin"), upload.body());

        LoopbackLab lab;
        try {
            lab = new LoopbackLab(dir);
        } catch (IOException e) {
            assumeTrue(false, "openssl cannot make a certificate: " + e.getMessage());
            return;
        }
        List<TrafficExchange> exchanges = new ArrayList<>();
        List<ExchangeFacts> facts = new ArrayList<>();
        PrivacyAnalyzer analyzer;
        int port;
        try (lab) {
            Files.writeString(dir.resolve("sa"), "{\"code\":0}\n", StandardCharsets.US_ASCII);
            port = lab.nghttpd();
            try {
                lab.startCapture();
            } catch (IOException e) {
                assumeTrue(false, "tcpdump cannot capture on lo: " + e.getMessage());
            }
            lab.curl(HOST, "https", port, "/sa?project=default", "--http2", "--tlsv1.3",
                    "-H", "Content-Type: " + contentType, "--data-binary", "@" + body);
            lab.stopCapture();

            KnowledgeBase kb = KnowledgeBase.load();
            analyzer = new PrivacyAnalyzer(kb, PersonalDataMatcher.of(DeviceProfiles.parse("device.yaml", PROFILE)),
                    new DestinationResolver(kb, Geodata.none()), LocalDate.of(2026, 12, 3));
            new TrafficAnalyzer().analyze(lab.pcap(), KeyLog.parse(lab.keyLog()), x -> {
                exchanges.add(x);
                facts.add(analyzer.analyze(x));
            });
        }

        // decrypted: one TLS exchange, the SDK's exact bytes, answered 200
        assertThat(exchanges).singleElement().satisfies(x -> {
            assertThat(x.tls()).isPresent();
            assertThat(x.tls().orElseThrow().version()).contains("TLS 1.3");
            assertThat(x.method()).isEqualTo("POST");
            assertThat(x.url()).isEqualTo("https://" + HOST + ":" + port + "/sa?project=default");
            assertThat(x.status()).isEqualTo(200);
            assertThat(x.requestBody().orElseThrow().bytes()).isEqualTo(upload.body());
            assertThat(x.requestHeaders()).filteredOn(h -> h.name().equalsIgnoreCase("content-type"))
                    .extracting(Header::value).containsExactly(contentType);
        });
        ExchangeFacts f = facts.get(0);
        assertThat(f.sdk()).hasValueSatisfying(m -> {
            assertThat(m.adapterId()).isEqualTo("sensors-data/upload");
            assertThat(m.trackerId()).isEqualTo("sensors-data");
            assertThat(m.encrypted()).isEmpty();
        });
        assertThat(f.sdk().orElseThrow().parameters()).filteredOn(p -> p.name().equals("data_list.*.distinct_id"))
                .singleElement().extracting(SdkParameter::value).isEqualTo(ANDROID_ID);

        PrivacyReport report = analyzer.report();

        // every property the SDK sent is a parameter, with the standard property the adapter maps it to
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (InventoryEntry p : report.parameters().parameters()) {
            assertThat(p.host()).isEqualTo(HOST);
            assertThat(p.tracker()).contains("sensors-data");
            byName.put(p.name(), p.standardProperties());
        }
        TreeSet<String> sent = sentLeaves(upload.body());
        // what the Java SDK really sends besides the properties given to track()
        assertThat(sent).contains("data_list.*.distinct_id", "data_list.*.event", "data_list.*.type",
                "data_list.*.time", "data_list.*._track_id", "data_list.*.lib.$lib", "data_list.*.lib.$lib_version",
                "data_list.*.lib.$lib_method", "data_list.*.lib.$lib_detail", "data_list.*.properties.$lib",
                "data_list.*.properties.$lib_version");
        properties.keySet().forEach(k -> assertThat(sent).contains("data_list.*.properties." + k));
        assertThat(byName.keySet()).containsAll(sent).contains("project");
        String props = "data_list.*.properties.";
        assertThat(byName).containsEntry("data_list.*.distinct_id", List.of("developerScopedId"))
                .containsEntry(props + "$os", List.of("osName"))
                .containsEntry(props + "$os_version", List.of("osVersion"))
                .containsEntry(props + "$model", List.of("model"))
                .containsEntry(props + "$manufacturer", List.of("manufacturer"))
                .containsEntry(props + "$app_version", List.of("appVersion"))
                .containsEntry(props + "$gaid", List.of("advertisingId"))
                .containsEntry(props + "$latitude", List.of("latitude"))
                .containsEntry(props + "$longitude", List.of("longitude"))
                .containsEntry(props + "imei", List.of())
                .containsEntry(props + "search_term", List.of())
                .containsEntry("data_list.*.event", List.of("userAction"))
                .containsEntry("data_list.*.lib.$lib_version", List.of("trackerSdkVersion"))
                .containsEntry(props + "$lib_version", List.of("trackerSdkVersion"))
                .containsEntry(props + "$lib", List.of())
                .containsEntry("data_list.*.time", List.of())
                .containsEntry("gzip", List.of())
                .containsEntry("project", List.of("propertyId"));

        // every identifier of the profile is found, with its type and path through form, base64, gzip and JSON
        assertThat(report.personalData()).allSatisfy(u -> assertThat(u.host()).isEqualTo(HOST));
        assertThat(report.personalData())
                .extracting(PersonalDataUse::type, PersonalDataUse::form, PersonalDataUse::path, PersonalDataUse::profileKey)
                .containsExactlyInAnyOrder(
                        tuple(PersonalDataType.ANDROID_ID, "plain", EVENTS + ".distinct_id", Optional.of("android_id")),
                        tuple(PersonalDataType.IMEI, "plain", EVENTS + ".properties.imei", Optional.of("imei")),
                        tuple(PersonalDataType.ADVERTISING_ID, "plain", EVENTS + ".properties.$gaid",
                                Optional.of("advertising_id")),
                        tuple(PersonalDataType.LOCATION, "location-6-decimals", EVENTS + ".properties.$latitude",
                                Optional.of("location.latitude")),
                        tuple(PersonalDataType.LOCATION, "location-6-decimals", EVENTS + ".properties.$longitude",
                                Optional.of("location.longitude")),
                        tuple(PersonalDataType.HONEY, "plain", EVENTS + ".properties.search_term", Optional.of("honey[0]")));
        System.out.printf("SensorsSdkOverTlsTest: %d parameters, %d personal data uses, %d ms%n",
                byName.size(), report.personalData().size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The parameter names of every leaf the SDK put in {@code data_list}, decoded independently of phonehome. */
    private static TreeSet<String> sentLeaves(byte[] form) throws IOException {
        String dataList = null;
        for (String pair : new String(form, StandardCharsets.US_ASCII).split("&")) {
            if (pair.startsWith("data_list=")) {
                dataList = URLDecoder.decode(pair.substring("data_list=".length()), StandardCharsets.UTF_8);
            }
        }
        assertThat(dataList).as("data_list in the SDK's form").isNotNull();
        byte[] json;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getMimeDecoder().decode(dataList)))) {
            json = in.readAllBytes();
        }
        TreeSet<String> leaves = new TreeSet<>();
        JsonNode events = new ObjectMapper().readTree(json);
        assertThat(events.isArray()).isTrue();
        for (JsonNode event : events) {
            leaves(event, "data_list.*", leaves);
        }
        return leaves;
    }

    private static void leaves(JsonNode node, String name, TreeSet<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                leaves(e.getValue(), name + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            node.forEach(item -> leaves(item, name + ".*", out));
        } else {
            out.add(name);
        }
    }
}
