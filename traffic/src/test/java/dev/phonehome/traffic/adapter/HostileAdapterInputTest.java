package dev.phonehome.traffic.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.SdkAdapter;
import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.decode.DecodedValue;
import dev.phonehome.traffic.decode.ValueKind;
import dev.phonehome.traffic.flow.TrafficExchange;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attacker-made hosts, paths and payloads: matching never throws and stays bounded (256 MiB heap). */
class HostileAdapterInputTest {
    private static final DecodedPayload EMPTY = new DecodedPayload(List.of(), List.of(), List.of());

    @ParameterizedTest
    @ValueSource(strings = {"https://", "https://./", "https://../a", "https://[::1]:443/a", "https://app-measurement.com.:6447/a",
            "https://xn--80ak6aa92e.com/collect", "https://аpp-measurement.com/a", "https://:99999/x", "https://a..b.com/",
            "http://user@app-measurement.com@evil/a", "https://app-measurement.com/a#frag?x", "garbage", ""})
    void oddUrlsNeverThrow(String url) {
        TrafficExchange e = Requests.exchange("POST", url, new byte[] {0x1f, (byte) 0x8b});
        assertThatCode(() -> Requests.SHIPPED.match(e, Requests.decode(e))).doesNotThrowAnyException();
    }

    @Test
    void hugeHostAndPathAreRefusedOrBounded() {
        String host = "a.".repeat(60_000) + "app-measurement.com";
        assertThat(Requests.SHIPPED.candidates(Requests.get("https://" + host + "/a"))).isEmpty();
        String path = "/api/42/" + "x".repeat(2_000_000) + "/envelope";
        assertThat(Requests.SHIPPED.candidates(Requests.get("https://o1.ingest.sentry.io" + path))).isEmpty();
    }

    @Test
    void hugeValuesAreKeptWhole() {
        String big = "z".repeat(5_000_000);
        TrafficExchange e = Requests.get("https://www.google-analytics.com/collect?tid=" + big);
        AdapterMatch m = Requests.SHIPPED.match(e, Requests.decode(e)).orElseThrow();
        assertThat(Requests.parameter(m, "query", "tid").value()).hasSize(big.length());
    }

    @Test
    void mutatedLeafPathsNeverThrow() {
        Random random = new Random(3);
        String[] seeds = {"body > form:data_list > base64 > gzip > json[0].properties.$model",
                "header:Cookie > cookie:\"a b\"[2]", "body > gzip > pb:1[0].2[3].19", "body > ndjson[2] > json[\"x\\\"y\"]",
                "body > form:data_list > base64 > encrypted-payload(sensorsdata-gzip-9)", "query > form:id[99999999999]"};
        String alphabet = "[]\"\\.:>() 0123456789abcjsonpbform:ndjson[encrypted-payload(";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder path = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int edits = random.nextInt(6); edits >= 0; edits--) {
                int at = random.nextInt(path.length() + 1);
                if (random.nextBoolean() && path.length() > 0) {
                    path.deleteCharAt(Math.min(at, path.length() - 1));
                } else {
                    path.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String p = path.toString();
            assertThatCode(() -> FieldPath.of(p)).as(p).doesNotThrowAnyException();
            DecodedPayload payload = new DecodedPayload(List.of(new DecodedValue(p, "v", ValueKind.STRING)), List.of(), List.of());
            assertThatCode(() -> Requests.SHIPPED.match(Requests.get("https://sa.api.intl.miui.com/sa"), payload))
                    .as(p).doesNotThrowAnyException();
        }
    }

    @Test
    void deepAndWidePayloadsOnEveryAdapterNeverThrow() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            deep.append("{\"properties\":");
        }
        deep.append("\"x\"").append("}".repeat(60));
        Random random = new Random(4);
        for (SdkAdapter a : KnowledgeBase.load().sdkAdapters().all()) {
            var endpoint = a.endpoints().get(0);
            String host = endpoint.host() != null ? endpoint.host() : "sdk." + endpoint.domain();
            byte[] noise = new byte[random.nextInt(4096)];
            random.nextBytes(noise);
            for (byte[] body : List.of(deep.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), noise)) {
                TrafficExchange e = Requests.exchange("POST", "https://" + host + "/", body);
                assertThatCode(() -> Requests.SHIPPED.match(e, Requests.decode(e))).as(a.id()).doesNotThrowAnyException();
            }
            assertThatCode(() -> Requests.SHIPPED.match(Requests.get("https://" + host + "/"), EMPTY)).doesNotThrowAnyException();
        }
    }
}
