package dev.phonehome.assess.report;

import dev.phonehome.assess.AssessmentInput;
import dev.phonehome.assess.Assessor;
import dev.phonehome.assess.SampleScan;
import dev.phonehome.assess.device.DeviceDescription;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.observe.DestinationFacts;
import dev.phonehome.assess.observe.ExchangeObserver;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.assess.observe.Observers;
import dev.phonehome.assess.observe.Parameter;
import dev.phonehome.assess.observe.PersonalData;
import dev.phonehome.assess.register.Suppressions;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.Regime;
import dev.phonehome.traffic.flow.TrafficBody;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.http.Header;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assessments for the report tests, made by the real {@link Assessor} on the bundled sample
 * firmware: static only; with traffic of the sample's apps (exchanges observed by the real
 * {@link ExchangeObserver}, then given the personal data and server location the PII and IP
 * engines add); and the same with attacker-chosen strings in every field a capture controls.
 */
final class ReportAssessments {
    static final String BROWSER = "com.phonehome.sample.browser";
    static final String CLOUD = "com.phonehome.sample.cloud";
    static final String EEA_HOST = "telemetry.example.de";
    static final String HOSTILE_APP = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','app')\">";
    static final String HOSTILE_SCRIPT = "</code></td><script>document.documentElement.setAttribute('data-pwned','value')</script>";
    static final String BIDI = "com.phonehome.\u202Eelif\u202C.\u2066x\u2069\u200B";
    static final String JS_URL = "javascript:document.documentElement.setAttribute('data-pwned','url')";

    private static final KnowledgeBase KB = KnowledgeBase.load();

    private ReportAssessments() {
    }

    static Assessment sample() {
        return SampleScan.assessor().assess(SampleScan.staticInput());
    }

    /** The sample's apps talking to China (Sensors Data), the US (Google) and an EEA host, one PII-bearing. */
    static Assessment traffic(Path dir) throws IOException {
        return assess(exchanges(false), device("Phonehome", "Sample One", Map.of("user_experience_programme", true)),
                suppressionOfCleartext(dir));
    }

    /** As {@link #traffic}, with hostile app names, values, URLs and a hostile device description. */
    static Assessment hostile(Path dir) throws IOException {
        return assess(exchanges(true), device("<script>document.title='pwned'</script>", BIDI + "\"'><b>",
                Map.of("consent<i>", false)), suppressionOfCleartext(dir));
    }

    private static Assessment assess(List<ObservedExchange> exchanges, DeviceDescription device,
                                     Suppressions suppressions) {
        return SampleScan.assessor().assess(new AssessmentInput(Optional.of(SampleScan.get()), List.of("phone.pcapng"),
                exchanges, Optional.of(device), suppressions, List.of()));
    }

    private static DeviceDescription device(String vendor, String model, Map<String, Boolean> consent) {
        return new DeviceDescription(Optional.of(vendor), Optional.of(model), Optional.of("sample/one:14/UP1A/1:user"),
                Optional.of("EEA"), consent);
    }

    /** Accepts the browser's cleartext risk, so the register shows a suppressed entry with its reason. */
    private static Suppressions suppressionOfCleartext(Path dir) throws IOException {
        Risk cleartext = sample().risks().stream().filter(r -> r.id().equals("PH-SEC-003")).findFirst().orElseThrow();
        Path file = dir.resolve("suppressions.yaml");
        Files.writeString(file, "suppressions:\n  - id: PH-SEC-003\n    fingerprint: " + cleartext.fingerprint()
                + "\n    reason: \"Only example.org is reached over HTTP (ticket 7).\"\n", StandardCharsets.UTF_8);
        return Suppressions.read(file);
    }

    private static List<ObservedExchange> exchanges(boolean hostile) {
        ExchangeObserver observer = Observers.withoutProfile(KB);
        String value = hostile ? HOSTILE_SCRIPT : "news";
        String app = hostile ? HOSTILE_APP : BROWSER;
        List<ObservedExchange> out = new ArrayList<>();
        out.add(withPersonalData(observer.observe("phone.pcapng", post(1, "2026-11-30T10:00:00Z", app,
                "https://sa.api.intl.miui.com/sa?project=default", "distinct_id=4f1c&imei=861234567890123&model=One")),
                "imei", "imei", "plain"));
        out.add(withPersonalData(observer.observe("phone.pcapng", post(2, "2026-11-30T10:00:07Z", app,
                "https://www.google-analytics.com/collect", "v=1&t=pageview&cid=9b1e2f&dl=" + value)),
                "cid", "android_id", "md5"));
        out.add(observer.observe("phone.pcapng", post(3, "2026-11-30T10:00:31Z", app,
                "https://sa.api.intl.miui.com/sa?project=default", "distinct_id=4f1c&event=search&q=" + value)));
        out.add(locatedInGermany(withPersonalData(observer.observe("phone.pcapng", post(4, "2026-11-30T10:01:02Z",
                hostile ? app : CLOUD, "https://" + EEA_HOST + "/v2/report" + (hostile ? "?pad=" + "x".repeat(5000) : ""),
                "lat=54.6872&lon=25.2797&device=one")), "lat", "location", "plain")));
        out.add(observer.observe("phone.pcapng", post(5, "2026-11-30T10:02:15Z", "",
                hostile ? "http://unknown.example.net/" + JS_URL.replace("'", "%27") : "http://unknown.example.net/x",
                "a=1")));
        return out;
    }

    private static TrafficExchange post(int n, String time, String app, String url, String form) {
        List<Header> headers = List.of(new Header("Content-Type", "application/x-www-form-urlencoded"));
        TrafficBody body = TrafficBody.of(form.getBytes(StandardCharsets.UTF_8),
                Optional.of("application/x-www-form-urlencoded"));
        return new TrafficExchange("x" + n, "c" + n, time, Optional.of(app).filter(a -> !a.isEmpty()), "10.0.0.2:4000" + n,
                "192.0.2." + n + ":443", Optional.empty(), Optional.empty(), Optional.empty(), "HTTP/1.1", "POST", url,
                200, headers, Optional.of(body), List.of(), Optional.empty(), List.of());
    }

    /** What the personal-data matcher adds: {@code type} found at the parameter named {@code name}. */
    private static ObservedExchange withPersonalData(ObservedExchange x, String name, String type, String form) {
        Parameter p = x.parameters().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
        return new ObservedExchange(x.id(), x.capture(), x.time(), x.app(), x.host(), x.server(), x.method(), x.url(),
                x.status(), x.sdks(), x.parameters(), List.of(new PersonalData(type, form, p.path())), x.destination(),
                x.problems());
    }

    /** What the IP-location engine adds for a server placed in Germany. */
    private static ObservedExchange locatedInGermany(ObservedExchange x) {
        DestinationFacts de = new DestinationFacts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("DE"),
                Optional.of(Regime.Kind.EEA), Optional.empty(), Optional.of("DE"), false);
        return new ObservedExchange(x.id(), x.capture(), x.time(), x.app(), x.host(), x.server(), x.method(), x.url(),
                x.status(), x.sdks(), x.parameters(), x.personalData(), de, x.problems());
    }
}
