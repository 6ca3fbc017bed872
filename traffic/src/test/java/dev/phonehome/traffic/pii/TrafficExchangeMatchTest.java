package dev.phonehome.traffic.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.decode.PayloadDecoder;
import dev.phonehome.traffic.flow.TrafficBody;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.http.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An exchange as the traffic pipeline reports it: its decoded request and its request text, and the hits as JSON. */
class TrafficExchangeMatchTest {
    private static final TrafficExchange EXCHANGE = new TrafficExchange("e7", "c1", "2026-12-01T10:00:00Z",
            Optional.of("com.example.browser"), "198.51.100.7:50000", "203.0.113.9:443", Optional.of("sa.example.com"),
            Optional.empty(), Optional.empty(), "HTTP/1.1", "POST", "https://sa.example.com/sa?imei=358240051111110",
            200, List.of(new Header("Content-Type", "application/json"), new Header("X-Canary", "xx my-canary-string")),
            Optional.of(TrafficBody.of("{\"mail\":\"tester@example.org\"}".getBytes(StandardCharsets.UTF_8),
                    Optional.of("application/json"))),
            List.of(), Optional.empty(), List.of());

    private static DecodedPayload decode(TrafficExchange e) {
        return new PayloadDecoder().decode(e.path(), e.requestHeaders(),
                e.requestBody().map(TrafficBody::bytes).orElse(new byte[0]));
    }

    @Test
    void queryHeadersAndBodyOfAnExchange() {
        ExchangePersonalData found = Requests.MATCHER.find(EXCHANGE, decode(EXCHANGE));
        assertThat(found.exchangeId()).isEqualTo("e7");
        assertThat(found.hits()).extracting(PersonalDataHit::exchangeId, PersonalDataHit::path, PersonalDataHit::profileKey)
                .containsExactly(
                        tuple("e7", "query > form:imei", Optional.of("imei")),
                        tuple("e7", "header:X-Canary", Optional.of("honey[0]")),
                        tuple("e7", "body > json.mail", Optional.of("email")));
    }

    @Test
    void whatNoDecoderOpenedIsFoundInTheRequestText() {
        DecodedPayload nothing = new DecodedPayload(List.of(), List.of(), List.of());
        ExchangePersonalData found = Requests.MATCHER.find(EXCHANGE, nothing);
        assertThat(found.hits()).extracting(PersonalDataHit::path).containsOnly(PersonalDataMatcher.RAW);
        assertThat(found.hits()).extracting(PersonalDataHit::offset)
                .containsExactly((long) "POST https://sa.example.com/sa?imei=".length(),
                        (long) "POST https://sa.example.com/sa?imei=358240051111110\r\nContent-Type: application/json\r\nX-Canary: xx ".length(),
                        (long) "POST https://sa.example.com/sa?imei=358240051111110\r\nContent-Type: application/json\r\nX-Canary: xx my-canary-string\r\n\r\n{\"mail\":\"".length());
    }

    @Test
    void hitsAreCanonicalJson() {
        String json = CanonicalJson.toString(Requests.MATCHER.find(EXCHANGE, decode(EXCHANGE)));
        assertThat(json).isEqualTo(CanonicalJson.toString(Requests.MATCHER.find(EXCHANGE, decode(EXCHANGE))));
        assertThat(json).contains("\"type\" : \"imei\"", "\"profileKey\" : \"honey[0]\"", "\"confidence\" : \"HIGH\"",
                "\"form\" : \"plain\"");
    }
}
