package dev.phonehome.traffic.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Http2ConnectionTest {
    private static final String[] GET = {":method", "GET", ":scheme", "https", ":authority", "api.example.org", ":path", "/v1/a"};

    private static String text(Body b) {
        return new String(b.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void requestAndResponseOnOneStream() {
        Recorder r = SplitInvariance.parse(new Conversation().alpn("h2")
                .client(H2Wire.client().headers(1, true, GET).bytes())
                .server(H2Wire.server().headers(1, false, ":status", "200", "content-type", "text/plain")
                        .data(1, false, "hel").data(1, true, "lo").bytes()));
        HttpExchange e = r.only();
        assertThat(e.httpVersion()).isEqualTo("HTTP/2");
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.scheme()).isEqualTo("https");
        assertThat(e.authority()).isEqualTo("api.example.org");
        assertThat(e.path()).isEqualTo("/v1/a");
        assertThat(e.sequence()).isEqualTo(1);
        assertThat(e.id()).isEqualTo(ExchangeIds.of("conn-1", 1));
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.responseHeaders()).containsExactly(new Header("content-type", "text/plain"));
        assertThat(text(e.responseBody())).isEqualTo("hello");
        assertThat(e.problems()).isEmpty();
        assertThat(e.requestTimeNanos()).isEqualTo(2_000);
        assertThat(e.responseTimeNanos()).isEqualTo(3_000);
        assertThat(r.problems).isEmpty();
    }

    @Test
    void priorKnowledgePrefaceIsDetectedWithoutAlpn() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client(H2Wire.client().headers(1, true, GET).bytes())
                .server(H2Wire.server().headers(1, true, ":status", "204").bytes()));
        assertThat(r.only().httpVersion()).isEqualTo("HTTP/2");
        assertThat(r.only().status()).isEqualTo(204);
    }

    @Test
    void interleavedStreamsPaddingPriorityContinuationAndTrailers() {
        byte[] block = H2Wire.block(":method", "POST", ":scheme", "http", ":authority", "h", ":path", "/upload");
        byte[] padded = new byte[1 + 5 + block.length + 3];
        padded[0] = 3;
        padded[5] = 16;
        System.arraycopy(block, 0, padded, 6, block.length);
        byte[] part1 = java.util.Arrays.copyOfRange(block, 0, 4);
        byte[] part2 = java.util.Arrays.copyOfRange(block, 4, block.length);
        byte[] paddedData = {2, 'a', 'b', 0, 0};
        Recorder r = SplitInvariance.parse(new Conversation().alpn("h2")
                .client(H2Wire.client()
                        .frame(Http2Frame.HEADERS, Http2Frame.END_HEADERS | Http2Frame.PADDED | Http2Frame.PRIORITY_FLAG, 1, padded)
                        .frame(Http2Frame.HEADERS, 0, 3, part1)
                        .frame(Http2Frame.CONTINUATION, Http2Frame.END_HEADERS, 3, part2)
                        .frame(Http2Frame.DATA, Http2Frame.PADDED, 1, paddedData)
                        .frame(0x42, 0, 1, new byte[] {1, 2, 3})
                        .data(3, true, "three")
                        .headers(1, true, "x-trailer", "t")
                        .frame(Http2Frame.PING, 0, 0, new byte[8])
                        .frame(Http2Frame.WINDOW_UPDATE, 0, 0, H2Wire.u32(1000))
                        .frame(Http2Frame.PRIORITY, 0, 3, new byte[5]).bytes())
                .server(H2Wire.server()
                        .headers(3, false, ":status", "200")
                        .headers(1, false, ":status", "201")
                        .data(3, true, "done3")
                        .data(1, false, "done1")
                        .headers(1, true, "grpc-status", "0").bytes()));
        assertThat(r.exchanges).extracting(HttpExchange::sequence).containsExactly(3L, 1L);
        HttpExchange three = r.exchanges.get(0);
        HttpExchange one = r.exchanges.get(1);
        assertThat(three.path()).isEqualTo("/upload");
        assertThat(text(three.requestBody())).isEqualTo("three");
        assertThat(text(three.responseBody())).isEqualTo("done3");
        assertThat(text(one.requestBody())).isEqualTo("ab");
        assertThat(one.requestTrailers()).containsExactly(new Header("x-trailer", "t"));
        assertThat(one.responseTrailers()).containsExactly(new Header("grpc-status", "0"));
        assertThat(one.status()).isEqualTo(201);
        assertThat(r.problems).isEmpty();
    }

    @Test
    void interimResponsesPrecedeTheFinalOne() {
        HttpExchange e = SplitInvariance.parse(new Conversation().alpn("h2")
                .client(H2Wire.client().headers(1, true, GET).bytes())
                .server(H2Wire.server().headers(1, false, ":status", "103", "link", "</a.css>")
                        .headers(1, true, ":status", "200").bytes())).only();
        assertThat(e.interimStatuses()).containsExactly(103);
        assertThat(e.status()).isEqualTo(200);
    }

    @Test
    void resetStreamClosesTheExchangeWithAProblem() {
        Recorder r = SplitInvariance.parse(new Conversation().alpn("h2")
                .client(H2Wire.client().headers(1, false, GET).data(1, false, "part")
                        .frame(Http2Frame.RST_STREAM, 0, 1, H2Wire.u32(8)).data(1, true, "late").bytes()));
        HttpExchange e = r.only();
        assertThat(e.problems()).extracting(Problem::code).containsExactly("http2.reset.cancel");
        assertThat(e.requestBody().truncated()).isTrue();
        assertThat(text(e.requestBody())).isEqualTo("part");
        assertThat(r.problems).isEmpty();
    }

    @Test
    void pushPromiseBecomesAnExchangePushedByItsStream() {
        byte[] promise = Conversation.concat(H2Wire.u32(2),
                H2Wire.block(":method", "GET", ":scheme", "https", ":authority", "h", ":path", "/pushed.js"));
        Recorder r = SplitInvariance.parse(new Conversation().alpn("h2")
                .client(H2Wire.client().headers(1, true, GET).bytes())
                .server(H2Wire.server().frame(Http2Frame.PUSH_PROMISE, Http2Frame.END_HEADERS, 1, promise)
                        .headers(1, true, ":status", "200")
                        .headers(2, false, ":status", "200").data(2, true, "js").bytes()));
        assertThat(r.exchanges).extracting(HttpExchange::sequence).containsExactly(1L, 2L);
        HttpExchange pushed = r.exchanges.get(1);
        assertThat(pushed.pushedBy()).isEqualTo(1);
        assertThat(pushed.path()).isEqualTo("/pushed.js");
        assertThat(text(pushed.responseBody())).isEqualTo("js");
    }

    @Test
    void h2cUpgradeContinuesStreamOneInHttp2() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("GET /up HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                        + "HTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n")
                .server(Conversation.concat("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1), H2Wire.server().headers(1, false, ":status", "200")
                        .data(1, true, "via h2").bytes()))
                .client(H2Wire.client().headers(3, true, GET).bytes())
                .server(H2Wire.empty().headers(3, true, ":status", "404").bytes()));
        assertThat(r.exchanges).hasSize(2);
        HttpExchange first = r.exchanges.get(0);
        assertThat(first.path()).isEqualTo("/up");
        assertThat(first.upgrade()).isEqualTo("h2c");
        assertThat(first.interimStatuses()).containsExactly(101);
        assertThat(first.status()).isEqualTo(200);
        assertThat(text(first.responseBody())).isEqualTo("via h2");
        assertThat(r.exchanges.get(1).status()).isEqualTo(404);
        assertThat(r.problems).isEmpty();
    }

    @Test
    void malformedRequestHeadersPoisonOnlyTheirStream() {
        Recorder r = SplitInvariance.parse(new Conversation().alpn("h2")
                .client(H2Wire.client().headers(1, false, ":method", "GET", "x-a", "b", ":path", "/late-pseudo")
                        .data(1, true, "ignored").headers(3, true, GET).bytes())
                .server(H2Wire.server().headers(3, true, ":status", "200").bytes()));
        assertThat(r.problems).isEmpty();
        assertThat(r.exchanges).extracting(HttpExchange::sequence).containsExactly(1L, 3L);
        assertThat(r.exchanges.get(0).problems()).extracting(Problem::code).containsExactly("http2.stream.protocol_error");
        assertThat(r.exchanges.get(0).problems().get(0).message()).contains("Pseudo header :path after fields");
        assertThat(r.exchanges.get(1).status()).isEqualTo(200);
    }

    @Test
    void unusableHttp2SettingsHeaderIsRecordedOnTheUpgradedExchange() {
        HttpExchange e = SplitInvariance.parse(new Conversation()
                .client("GET / HTTP/1.1\r\nHost: h\r\nUpgrade: h2c\r\nHTTP2-Settings: AAU\r\n\r\n")
                .server(Conversation.concat("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1), H2Wire.server().headers(1, true, ":status", "200").bytes()))
                .client(H2Wire.client().bytes())).only();
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.problems()).extracting(Problem::code).containsExactly("http2.connection.protocol_error");
    }

    @Test
    void gapLosesTheConnection() {
        Recorder r = SplitInvariance.parse(new Conversation().alpn("h2")
                .client(H2Wire.client().headers(1, true, GET).bytes())
                .gap(false, 100)
                .server(H2Wire.server().headers(1, true, ":status", "200").bytes()));
        assertThat(r.only().status()).isZero();
        assertThat(r.only().problems()).extracting(Problem::code).containsExactly("http.capture.gap");
        assertThat(r.problems).extracting(Problem::code).containsExactly("http.capture.gap");
    }

    @Test
    void streamsOpenAtTheEndAreReported() {
        HttpExchange e = SplitInvariance.parse(new Conversation().alpn("h2")
                .client(H2Wire.client().headers(1, true, GET).bytes())
                .server(H2Wire.server().headers(1, false, ":status", "200").data(1, false, "par").bytes())).only();
        assertThat(e.responseBody().truncated()).isTrue();
        assertThat(text(e.responseBody())).isEqualTo("par");
        assertThat(e.problems()).extracting(Problem::code).containsExactly("http.response.missing");
    }
}
