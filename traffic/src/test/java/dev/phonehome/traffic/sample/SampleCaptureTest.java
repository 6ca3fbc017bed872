package dev.phonehome.traffic.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.phonehome.testkit.sample.SampleCapture;
import dev.phonehome.testkit.sample.SampleDevice;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.flow.TlsSummary;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import dev.phonehome.traffic.flow.TrafficBody;
import dev.phonehome.traffic.flow.TrafficConnection;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.flow.TrafficReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled sample capture read back by phonehome's own traffic engine. */
class SampleCaptureTest {
    @TempDir
    static Path dir;
    static TrafficReport full;
    static TrafficReport optOut;

    @BeforeAll
    static void generate() throws Exception {
        SampleCapture.write(dir);
        full = new TrafficAnalyzer().report(dir.resolve(SampleCapture.CAPTURE), KeyLog.empty());
        optOut = new TrafficAnalyzer().report(dir.resolve(SampleCapture.OPT_OUT_CAPTURE), KeyLog.empty());
    }

    @Test
    void everyConnectionIsTlsDecryptedAndAttributedToItsApp() {
        assertThat(full.problems()).isEmpty();
        assertThat(full.connections()).extracting(TrafficConnection::serverName, TrafficConnection::app,
                        c -> c.tls().map(TlsSummary::version).flatMap(v -> v))
                .containsExactly(
                        tuple(Optional.of(SampleCapture.CLOUD_HOST), Optional.of("android"), Optional.of("TLS 1.2")),
                        tuple(Optional.of(SampleCapture.AD_CONFIG_HOST), Optional.of("com.phonehome.sample.adfilter"),
                                Optional.of("TLS 1.2")),
                        tuple(Optional.of(SampleCapture.SENSORS_HOST), Optional.of("com.phonehome.sample.browser"),
                                Optional.of("TLS 1.3")),
                        tuple(Optional.of(SampleCapture.ANALYTICS_HOST), Optional.of("com.phonehome.sample.browser"),
                                Optional.of("TLS 1.3")),
                        tuple(Optional.of(SampleCapture.ONETRACK_HOST), Optional.of("com.phonehome.sample.browser"),
                                Optional.of("TLS 1.3")));
        assertThat(full.connections()).allSatisfy(c -> {
            assertThat(c.tls()).hasValueSatisfying(t -> assertThat(t.decrypted()).isTrue());
            assertThat(c.problems()).isEmpty();
        });
        assertThat(full.connections()).extracting(TrafficConnection::exchanges).containsExactly(1L, 1L, 1L, 2L, 1L);
        // Two TLS 1.2 master secrets, five TLS 1.3 secrets for each of the three other connections.
        assertThat(full.capture().keyLogSecrets()).isEqualTo(2 + 3 * 5);
    }

    @Test
    void eachSampleAppRequestIsThereWithItsResponse() {
        assertThat(full.exchanges()).extracting(TrafficExchange::httpVersion, TrafficExchange::method,
                        TrafficExchange::host, TrafficExchange::path, TrafficExchange::status)
                .containsExactly(
                        tuple("HTTP/1.1", "POST", SampleCapture.CLOUD_HOST, "/device/register", 200),
                        tuple("HTTP/1.1", "GET", SampleCapture.AD_CONFIG_HOST, "/config/MiAdBlacklistConfig", 200),
                        tuple("HTTP/1.1", "POST", SampleCapture.SENSORS_HOST, "/sa?project=mibrowser", 200),
                        tuple("HTTP/2", "GET", SampleCapture.ANALYTICS_HOST, "/collect?v=1&tid=UA-000000-1&cid="
                                + SampleDevice.ADVERTISING_ID + "&t=pageview&dl=https%3A%2F%2Fwww.example.org%2Fnews", 200),
                        tuple("HTTP/2", "GET", SampleCapture.ANALYTICS_HOST, "/collect?v=1&tid=UA-000000-1&cid="
                                + SampleDevice.ADVERTISING_ID + "&t=event&ec=search&ea=submit&el=" + SampleDevice.HONEY, 200),
                        tuple("HTTP/1.1", "POST", SampleCapture.ONETRACK_HOST, "/track/v4", 200));
    }

    @Test
    void bodiesCarryTheSampleDeviceIdentifiers() throws IOException {
        String registration = body(exchange(SampleCapture.CLOUD_HOST).requestBody());
        assertThat(registration).contains("\"device_hash\":\"4d715d336c06663f0243ac89da66a652b3e96bb98357b75621b0e21ec27e8e84\"")
                .contains("\"imsi_md5\":\"19f78e042245ab34365e7ee756e078a6\"", SampleDevice.EMAIL)
                .doesNotContain(SampleDevice.IMEI, SampleDevice.IMSI);

        assertThat(body(exchange(SampleCapture.AD_CONFIG_HOST).responseBody())).contains("天安门事件");

        String form = body(exchange(SampleCapture.SENSORS_HOST).requestBody());
        assertThat(form).startsWith("crc=").contains("&gzip=1&data_list=");
        String dataList = URLDecoder.decode(form.substring(form.indexOf("data_list=") + 10), StandardCharsets.UTF_8);
        String events;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(dataList)))) {
            events = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(events).contains("\"distinct_id\":\"" + SampleDevice.ANDROID_ID + "\"", "\"$model\":\"" + SampleDevice.MODEL,
                "\"event\":\"PageView\"", "\"search_keyword\":\"" + SampleDevice.HONEY + "\"", "\"$screen_width\":1080",
                "\"$latitude\":54687200", "\"$carrier\":\"" + SampleDevice.CARRIER + "\"");

        TrafficExchange oneTrack = exchange(SampleCapture.ONETRACK_HOST);
        assertThat(oneTrack.requestHeaders()).anySatisfy(h -> assertThat(h.name()).isEqualTo("OT_sender"));
        assertThat(oneTrack.requestBody()).hasValueSatisfying(b -> assertThat(b.size()).isEqualTo(1536));
    }

    @Test
    void optingOutRemovesTheUserExperienceUploadsOnly() {
        assertThat(optOut.problems()).isEmpty();
        assertThat(optOut.exchanges()).extracting(TrafficExchange::host).containsExactly(SampleCapture.CLOUD_HOST,
                SampleCapture.AD_CONFIG_HOST, SampleCapture.ANALYTICS_HOST, SampleCapture.ANALYTICS_HOST);
        assertThat(optOut.connections()).allSatisfy(c ->
                assertThat(c.tls()).hasValueSatisfying(t -> assertThat(t.decrypted()).isTrue()));
    }

    private static TrafficExchange exchange(String host) {
        return full.exchanges().stream().filter(e -> e.host().equals(host)).findFirst().orElseThrow();
    }

    private static String body(Optional<TrafficBody> body) {
        return new String(body.orElseThrow().bytes(), StandardCharsets.UTF_8);
    }
}
