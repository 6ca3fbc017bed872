package dev.phonehome.assess.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.traffic.decode.PayloadDecoder;
import dev.phonehome.traffic.flow.TrafficBody;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.http.Header;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Captures are attacker-made: what one exchange can put into the assessment is bounded. */
class HostileExchangeObserverTest {
    private final ExchangeObserver observer = new ExchangeObserver(KnowledgeBase.load(), new PayloadDecoder(),
            LocalDate.of(2026, 1, 1));

    @Test
    void manyLeavesAndLongValuesAreCapped() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            body.append(i == 0 ? "" : "&").append("k").append(i).append('=').append("v".repeat(i == 1 ? 10_000 : 1));
        }
        ObservedExchange o = observer.observe("c", exchange("https://x.example/p?q=1", "not a time", body.toString()));
        assertThat(o.parameters()).hasSize(ExchangeObserver.MAX_PARAMETERS);
        assertThat(o.parameters()).allSatisfy(p -> assertThat(p.value().length())
                .isLessThanOrEqualTo(ExchangeObserver.MAX_VALUE_CHARS + 1));
        assertThat(o.parameters().get(0).path()).isEqualTo("query > form:q");
        assertThat(o.parameters().get(0).name()).isEqualTo("q");
    }

    @Test
    void aDecoderFailingOnOneRequestCostsOnlyItsParameters() {
        StringBuilder body = new StringBuilder("k0=v");
        for (int i = 1; i < 50_000; i++) {
            body.append("&k").append(i).append("=v");
        }
        ObservedExchange o = observer.observe("c", exchange("https://x.datasink.sensorsdata.cn/sa", "t", body.toString()));
        assertThat(o.sdks()).extracting(SdkMatch::tracker).containsExactly("sensors-data");
        if (o.parameters().isEmpty()) {
            assertThat(o.problems()).extracting(p -> p.code()).contains("assess.decode-failed");
        } else {
            assertThat(o.parameters()).hasSize(ExchangeObserver.MAX_PARAMETERS);
        }
    }

    @Test
    void oversizedOrOddHostsMatchNothingAndUnreadableTimesUseTheFallbackDay() {
        String host = "a".repeat(300) + ".sensorsdata.cn";
        ObservedExchange o = observer.observe("c", exchange("https://" + host + "/", "yesterday", ""));
        assertThat(o.sdks()).isEmpty();
        assertThat(o.destination()).isEqualTo(DestinationFacts.unknown());

        ObservedExchange tracker = observer.observe("c", exchange("https://x.datasink.sensorsdata.cn/sa", "garbage", ""));
        assertThat(tracker.sdks()).extracting(SdkMatch::tracker).containsExactly("sensors-data");
        assertThat(tracker.destination().regime()).isPresent();
    }

    @Test
    void parameterNamesAreTheLastKeyOfThePath() {
        assertThat(ParameterNames.of("body > form:data_list > base64 > gzip > json[0].properties.$model"))
                .isEqualTo("$model");
        assertThat(ParameterNames.of("body > json[\"odd key\"][2]")).isEqualTo("odd key");
        assertThat(ParameterNames.of("query > form:id[1]")).isEqualTo("id");
        assertThat(ParameterNames.of("body > form:\"a b\"")).isEqualTo("a b");
        assertThat(ParameterNames.of("body > pb:1.3")).isEqualTo("pb:1.3");
        assertThat(ParameterNames.of("body")).isEqualTo("body");
    }

    private static TrafficExchange exchange(String url, String time, String form) {
        Optional<TrafficBody> body = form.isEmpty() ? Optional.empty() : Optional.of(new TrafficBody(form.length(),
                Optional.of("application/x-www-form-urlencoded"), TrafficBody.TEXT, form, false, Optional.empty(),
                Optional.empty()));
        return new TrafficExchange("e1", "h1", time, Optional.empty(), "", "192.0.2.1:443", Optional.empty(),
                Optional.empty(), Optional.empty(), "HTTP/1.1", "POST", url, 200,
                List.of(new Header("Content-Type", "application/x-www-form-urlencoded")), body, List.of(),
                Optional.empty(), List.of());
    }
}
