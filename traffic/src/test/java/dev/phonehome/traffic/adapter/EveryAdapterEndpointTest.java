package dev.phonehome.traffic.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.kb.AdapterEndpoint;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.SdkAdapter;
import dev.phonehome.traffic.flow.TrafficExchange;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of every shipped adapter: a request built from its pattern is claimed by the
 * adapter, and near misses (a host that only ends like it, a longer exact path, another port or
 * method) are not.
 */
class EveryAdapterEndpointTest {
    static Stream<Arguments> endpoints() {
        return KnowledgeBase.load().sdkAdapters().all().stream()
                .flatMap(a -> a.endpoints().stream().map(e -> Arguments.of(a.id() + " " + describe(e), a, e)));
    }

    private static String describe(AdapterEndpoint e) {
        return (e.host() != null ? e.host() : "*." + e.domain()) + (e.path() != null ? e.path()
                : e.pathRegex() != null ? " ~" + e.pathRegex() : "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void requestBuiltFromThePatternMatchesAndNearMissesDoNot(String name, SdkAdapter adapter, AdapterEndpoint e) {
        String host = host(e);
        String path = e.path() != null ? e.path() : e.pathRegex() != null ? RegexExamples.of(e.pathRegex()) : "/";
        assertThat(Pattern.compile(e.pathRegex() == null ? "" : e.pathRegex()).matcher(path).find())
                .as("example path %s", path).isTrue();
        int port = e.port() == null ? 443 : e.port();
        String method = e.method() == null ? "POST" : e.method();

        assertThat(Requests.SHIPPED.candidates(request(method, host, port, path))).contains(adapter.id());
        assertThat(Requests.SHIPPED.candidates(request(method, host + ".", port, path + "?x=1")))
                .as("trailing dot and query").contains(adapter.id());

        String lookalike = "x" + (e.host() != null ? e.host() : e.domain());
        assertThat(Requests.SHIPPED.candidates(request(method, lookalike, port, path))).doesNotContain(adapter.id());
        if (e.path() != null) {
            assertThat(Requests.SHIPPED.candidates(request(method, host, port, path.equals("/") ? "/x" : path + "x")))
                    .doesNotContain(adapter.id());
        }
        if (e.port() != null) {
            assertThat(Requests.SHIPPED.candidates(request(method, host, 443, path))).doesNotContain(adapter.id());
        }
        if (e.method() != null) {
            assertThat(Requests.SHIPPED.candidates(request("PUT", host, port, path))).doesNotContain(adapter.id());
        }
    }

    private static String host(AdapterEndpoint e) {
        if (e.host() != null) {
            return e.host();
        }
        if (e.hostRegex() == null) {
            return "sdk." + e.domain();
        }
        String host = e.domain().matches(e.hostRegex()) ? e.domain() : RegexExamples.of(e.hostRegex(), e.domain());
        assertThat(host).as("example host of %s", e.hostRegex()).matches(e.hostRegex())
                .satisfiesAnyOf(h -> assertThat(h).isEqualTo(e.domain()), h -> assertThat(h).endsWith("." + e.domain()));
        return host;
    }

    private static TrafficExchange request(String method, String host, int port, String path) {
        return Requests.exchange(method, "https://" + host + (port == 443 ? "" : ":" + port) + path, new byte[0]);
    }
}
