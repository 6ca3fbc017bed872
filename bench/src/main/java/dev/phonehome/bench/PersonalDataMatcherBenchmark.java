package dev.phonehome.bench;

import dev.phonehome.core.device.DeviceProfiles;
import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.decode.PayloadDecoder;
import dev.phonehome.traffic.http.Header;
import dev.phonehome.traffic.pii.PersonalDataMatcher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of {@link PersonalDataMatcher#find} per exchange as the profile grows ({@code honey} free-form
 * values besides the usual identifiers) and as the request grows ({@code kilobytes} of JSON events
 * holding the Android ID and one honey value each). The request is decoded once in setup: this
 * measures the search of every leaf and of the raw body, not the decoders. Linear in the payload
 * means the score divided by {@code kilobytes} stays flat; independent of the profile means it
 * stays flat across {@code honey}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PersonalDataMatcherBenchmark {
    private static final String IDENTIFIERS = """
            imei: ["358240051111110", "358240051111128"]
            imsi: "246011234567890"
            iccid: "89370012345678901238"
            phone: "+37060012345"
            serial: "R58M123ABC"
            android_id: "9774d56d682e549c"
            advertising_id: "e0f556e0-b265-4211-9065-85a622906954"
            wifi_mac: "02:00:00:aa:bb:cc"
            bt_mac: "02:00:00:aa:bb:cd"
            email: "tester@example.org"
            location: "54.687213,25.279712"
            """;

    @Param({"1", "10", "100"})
    public int honey;

    @Param({"4", "32", "256"})
    public int kilobytes;

    private PersonalDataMatcher matcher;
    private DecodedPayload payload;
    private byte[] raw;

    @Setup(Level.Trial)
    public void setUp() {
        matcher = matcher(honey);
        raw = events(kilobytes * 1024, honey).getBytes(StandardCharsets.UTF_8);
        payload = decode(raw);
        if (matcher.find("bench", payload, raw).hits().isEmpty()) {
            throw new IllegalStateException("the benchmark payload must contain profile values");
        }
    }

    /** A matcher for the usual identifiers and {@code honeyValues} canaries. */
    static PersonalDataMatcher matcher(int honeyValues) {
        StringBuilder yaml = new StringBuilder(IDENTIFIERS).append("honey:\n");
        for (int i = 0; i < honeyValues; i++) {
            yaml.append("  - \"").append(canary(i)).append("\"\n");
        }
        return PersonalDataMatcher.of(DeviceProfiles.parse("bench.yaml", yaml.toString()));
    }

    static DecodedPayload decode(byte[] json) {
        return new PayloadDecoder().decode("/sa?project=default", List.of(new Header("Content-Type", "application/json")),
                json);
    }

    private static String canary(int i) {
        return "canary-" + i + "-" + Integer.toHexString(i * 7919 + 104729);
    }

    /** A JSON array of analytics events of about {@code bytes}, the shape Sensors Data and Firebase batches have. */
    static String events(int bytes, int honeyValues) {
        Random random = new Random(42);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; json.length() < bytes; i++) {
            json.append(i == 0 ? "" : ",").append("{\"event\":\"page_view_").append(i)
                    .append("\",\"distinct_id\":\"9774d56d682e549c\",\"time\":").append(1_700_000_000_000L + i * 997L)
                    .append(",\"properties\":{\"$model\":\"Mi 10T 5G\",\"$os_version\":\"12\",\"$screen_width\":1080,")
                    .append("\"$wifi\":true,\"$carrier\":\"Telia\",\"note\":\"").append(canary(i % honeyValues))
                    .append("\",\"seq\":\"")
                    .append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong()))
                    .append("\",\"duration\":").append(random.nextInt(100_000) / 100.0).append("}}");
        }
        return json.append("]").toString();
    }

    @Benchmark
    public Object find() {
        return matcher.find("bench", payload, raw);
    }
}
