package dev.phonehome.assess.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.phonehome.assess.model.AppEntry;
import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.Link;
import dev.phonehome.assess.observe.DestinationFacts;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.assess.observe.SdkMatch;
import dev.phonehome.core.finding.Evidence;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Links never claim more than the evidence: which basis gives which level, and who wins. */
class CorrelatorTest {
    private static final Finding NAMES_HOST = Finding.of("endpoint.domain", "a.one", "example.com", "Names 1 endpoint",
            Severity.INFO, EvidenceLevel.REFERENCED, Map.of("hosts", "api.example.com", "domain", "example.com"),
            List.of(Evidence.of("code", "classes.dex La/One;->go()V @0x4", "https://api.example.com/v1",
                    "https://api.example.com/v1")));
    private static final Finding ALSO_NAMES_HOST = Finding.of("endpoint.domain", "b.two", "example.com", "Names 1",
            Severity.INFO, EvidenceLevel.PRESENT, Map.of(), List.of(Evidence.of("dex", "classes.dex string table",
                    "http://API.example.com:8080/x", "http://API.example.com:8080/x")));
    private static final Finding EMBEDS_SDK = Finding.of("tracker.sdk", "b.two", "sensors-data", "Uses Sensors",
            Severity.MEDIUM, EvidenceLevel.REFERENCED, Map.of("tracker", "sensors-data"),
            List.of(Evidence.of("class", "classes.dex Lcom/sensorsdata/X;", "defines it")));

    private final Correlator correlator = new Correlator(List.of(app("a.one", NAMES_HOST),
            app("b.two", ALSO_NAMES_HOST, EMBEDS_SDK)));

    @Test
    void aHostTwoAppsNameIsLinkedToBothButAttributedToNeither() {
        AssessedExchange x = correlator.correlate(exchange("api.example.com", Optional.empty(), List.of()));
        assertThat(x.level()).isEqualTo(EvidenceLevel.LINKED);
        assertThat(x.links()).extracting(Link::basis, l -> l.app().orElse(""))
                .containsExactly(tuple(Link.Basis.STATIC_ENDPOINT, "a.one"), tuple(Link.Basis.STATIC_ENDPOINT, "b.two"));
        assertThat(x.links().get(0).finding()).contains(NAMES_HOST.fingerprint());
        assertThat(x.links().get(0).evidence()).isEqualTo("host api.example.com is named in classes.dex La/One;->go()V @0x4");
        assertThat(x.app()).isEmpty();
    }

    @Test
    void theCapturesAttributionWinsOverStaticGuessesAboutOtherApps() {
        AssessedExchange x = correlator.correlate(exchange("api.example.com", Optional.of("a.one"), List.of()));
        assertThat(x.app()).contains("a.one");
        assertThat(x.links()).extracting(Link::basis, l -> l.app().orElse(""))
                .containsExactly(tuple(Link.Basis.STATIC_ENDPOINT, "a.one"), tuple(Link.Basis.CAPTURE_ATTRIBUTION, "a.one"));
    }

    @Test
    void aTrackerDomainAloneIsObservedAndBecomesLinkedThroughTheEmbeddingApp() {
        SdkMatch sensors = new SdkMatch("sensors-data", Optional.empty(), Optional.empty(), "sensorsdata.cn");
        AssessedExchange x = correlator.correlate(exchange("x.sensorsdata.cn", Optional.empty(), List.of(sensors)));
        assertThat(x.links()).extracting(Link::basis, Link::level).containsExactly(
                tuple(Link.Basis.STATIC_SDK, EvidenceLevel.LINKED), tuple(Link.Basis.NETWORK_SIGNATURE, EvidenceLevel.OBSERVED));
        assertThat(x.app()).contains("b.two");

        AssessedExchange other = new Correlator(List.of()).correlate(exchange("x.sensorsdata.cn", Optional.empty(),
                List.of(sensors)));
        assertThat(other.level()).isEqualTo(EvidenceLevel.OBSERVED);
        assertThat(other.app()).isEmpty();
    }

    @Test
    void anUnrelatedHostHasNoLinks() {
        AssessedExchange x = correlator.correlate(exchange("api.example.com.evil.net", Optional.empty(), List.of()));
        assertThat(x.links()).isEmpty();
        assertThat(x.level()).isEqualTo(EvidenceLevel.OBSERVED);
    }

    private static AppEntry app(String id, Finding... findings) {
        return new AppEntry(id, Optional.empty(), Optional.empty(), List.of("system/app/" + id + ".apk"), "SYSTEM",
                List.of(), "0".repeat(64), List.of(), List.of(findings));
    }

    static ObservedExchange exchange(String host, Optional<String> app, List<SdkMatch> sdks) {
        return new ObservedExchange("x1", "c.pcapng", "2026-01-01T00:00:00Z", app, host, "192.0.2.1:443", "POST",
                "https://" + host + "/", 200, sdks, List.of(), List.of(), DestinationFacts.unknown(), List.of());
    }
}
