package dev.phonehome.assess;

import dev.phonehome.assess.device.DeviceDescription;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.observe.ExchangeObserver;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.assess.register.Suppressions;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.decode.PayloadDecoder;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sample firmware with traffic of its apps: a HAR built here with a Sensors Data upload
 * (encrypted, gzip=9), a Google Analytics hit and a request to a host no app names.
 */
public final class TrafficSample {
    /** Sensors Data's encrypted upload: gzip=9 marks the data_list as app-layer encrypted. */
    static final String SENSORS_ENCRYPTED = "data_list=" + Base64.getEncoder()
            .encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).replace("=", "%3D") + "&gzip=9";
    public static final DeviceDescription DEVICE = new DeviceDescription(Optional.of("Sample"), Optional.of("Phone 1"),
            Optional.of("SAMPLE 1.0"), Optional.of("EEA"), Map.of("user_experience_programme", true));

    private static Assessment assessment;

    private TrafficSample() {
    }

    public static String har() {
        return new Hars()
                .post("2026-11-30T10:00:00Z", "https://sa.api.intl.miui.com/sa?project=default", SENSORS_ENCRYPTED,
                        "203.0.113.7")
                .post("2026-11-30T10:00:01Z", "https://www.google-analytics.com/collect", "v=1&t=pageview&dl=news",
                        "198.51.100.3")
                .post("2026-11-30T10:00:02Z", "http://unknown.example.net/x", "a=1", "192.0.2.1")
                .build();
    }

    public static List<ObservedExchange> observe(Path har) throws IOException {
        KnowledgeBase kb = KnowledgeBase.load();
        ExchangeObserver observer = new ExchangeObserver(kb, new PayloadDecoder(), Assessor.knowledgeDate(kb));
        try {
            return new TrafficAnalyzer().report(har, KeyLog.empty()).exchanges().stream()
                    .map(x -> observer.observe(har.getFileName().toString(), x)).toList();
        } catch (dev.phonehome.traffic.capture.CaptureFormatException e) {
            throw new IOException(e);
        }
    }

    /** The assessment of the sample with this traffic and a device description, cached per JVM. */
    public static synchronized Assessment assessment() {
        if (assessment == null) {
            try {
                Path har = Files.createTempDirectory("phonehome-har").resolve("sample.har");
                Files.writeString(har, har(), StandardCharsets.UTF_8);
                assessment = assess(har, Suppressions.none());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return assessment;
    }

    public static Assessment assess(Path har, Suppressions suppressions) throws IOException {
        return SampleScan.assessor().assess(new AssessmentInput(Optional.of(SampleScan.get()),
                List.of(har.getFileName().toString()), observe(har), Optional.of(DEVICE), suppressions, List.of()));
    }
}
