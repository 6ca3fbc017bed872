package dev.phonehome.traffic.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import dev.phonehome.testkit.capture.CaptureWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Http1ConnectionTest {
    private static String text(Body b) {
        return new String(b.bytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void getWithContentLengthResponse() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("GET /a?b=1 HTTP/1.1\r\nHost: example.org\r\nX-Case: Kept\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello"));
        HttpExchange e = r.only();
        assertThat(e.method()).isEqualTo("GET");
        assertThat(e.path()).isEqualTo("/a?b=1");
        assertThat(e.authority()).isEqualTo("example.org");
        assertThat(e.httpVersion()).isEqualTo("HTTP/1.1");
        assertThat(e.requestHeaders()).containsExactly(new Header("Host", "example.org"), new Header("X-Case", "Kept"));
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.reason()).isEqualTo("OK");
        assertThat(text(e.responseBody())).isEqualTo("hello");
        assertThat(e.problems()).isEmpty();
        assertThat(e.id()).isEqualTo(ExchangeIds.of("conn-1", 0)).hasSize(24);
        assertThat(e.requestTimeNanos()).isEqualTo(2_000);
        assertThat(e.responseTimeNanos()).isEqualTo(3_000);
    }

    @Test
    void chunkedBodiesWithExtensionsAndTrailers() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("POST /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "3;name=value\r\nabc\r\n2\r\nde\r\n0\r\nX-Checksum: 42\r\n\r\n")
                .server("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n"));
        HttpExchange e = r.only();
        assertThat(text(e.requestBody())).isEqualTo("abcde");
        assertThat(e.requestTrailers()).containsExactly(new Header("X-Checksum", "42"));
        assertThat(text(e.responseBody())).isEqualTo("0123456789");
        assertThat(e.responseBody().wireLength()).isEqualTo(10);
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void responseUntilCloseEndsWithTheConnection() {
        HttpExchange e = SplitInvariance.parse(new Conversation()
                .client("GET / HTTP/1.0\r\n\r\n")
                .server("HTTP/1.0 200 OK\r\n\r\nall the rest")).only();
        assertThat(text(e.responseBody())).isEqualTo("all the rest");
        assertThat(e.responseBody().truncated()).isFalse();
        assertThat(e.problems()).isEmpty();
    }

    @Test
    void headAnd204And304HaveNoBodyDespiteContentLength() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("HEAD /x HTTP/1.1\r\nHost: h\r\n\r\nGET /y HTTP/1.1\r\nHost: h\r\n\r\nGET /z HTTP/1.1\r\nHost: h\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"
                        + "HTTP/1.1 204 No Content\r\nContent-Length: 7\r\n\r\n"
                        + "HTTP/1.1 304 Not Modified\r\nContent-Length: 9\r\n\r\n"));
        assertThat(r.exchanges).extracting(HttpExchange::path).containsExactly("/x", "/y", "/z");
        assertThat(r.exchanges).extracting(HttpExchange::status).containsExactly(200, 204, 304);
        assertThat(r.exchanges).allSatisfy(e -> {
            assertThat(e.responseBody().bytes()).isEmpty();
            assertThat(e.problems()).isEmpty();
        });
    }

    @Test
    void hundredContinueIsKeptAsInterimBeforeTheFinalResponse() {
        HttpExchange e = SplitInvariance.parse(new Conversation()
                .client("PUT /f HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n")
                .server("HTTP/1.1 100 Continue\r\n\r\n")
                .client("data")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")).only();
        assertThat(e.interimStatuses()).containsExactly(100);
        assertThat(e.status()).isEqualTo(200);
        assertThat(text(e.requestBody())).isEqualTo("data");
        assertThat(text(e.responseBody())).isEqualTo("ok");
    }

    @Test
    void pipelinedResponsesMatchRequestsInOrder() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\nGET /3 HTTP/1.1\r\nHost: h\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n1HTTP/1.1 404 Not Found\r\nContent-Length: 1\r\n\r\n2"
                        + "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n3"));
        assertThat(r.exchanges).extracting(e -> e.path() + "=" + e.status() + ":" + text(e.responseBody()))
                .containsExactly("/1=200:1", "/2=404:2", "/3=200:3");
        assertThat(r.exchanges).extracting(HttpExchange::sequence).containsExactly(0L, 1L, 2L);
        assertThat(r.exchanges).extracting(HttpExchange::requestTimeNanos).containsOnly(2_000L);
        assertThat(r.exchanges).extracting(HttpExchange::id).doesNotHaveDuplicates();
    }

    @Test
    void keepAliveExchangesCarryTheTimestampsOfTheirOwnSegments() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("GET /1 HTTP/1.1\r\nHost: h\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n1")
                .client("GET /2 HTTP/1.1\r\nHost: h\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n2"));
        assertThat(r.exchanges).extracting(e -> e.requestTimeNanos() + "/" + e.responseTimeNanos())
                .containsExactly("2000/3000", "4000/5000");
    }

    @Test
    void obsFoldAndBareLineFeedsAreTolerated() {
        HttpExchange e = SplitInvariance.parse(new Conversation()
                .client("GET / HTTP/1.1\nHost: h\nX-Long: first\n  second\n\n")
                .server("HTTP/1.1 200 OK\nContent-Length: 0\n\n")).only();
        assertThat(e.requestHeaders()).containsExactly(new Header("Host", "h"), new Header("X-Long", "first second"));
        assertThat(e.status()).isEqualTo(200);
    }

    @Test
    void connectTunnelHandsTheRestToTheCaller() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("CONNECT api.example.org:443 HTTP/1.1\r\nHost: api.example.org:443\r\n\r\n")
                .server("HTTP/1.1 200 Connection established\r\n\r\n")
                .client(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 'h', 'e', 'l', 'l', 'o'})
                .server(new byte[] {0x16, 0x03, 0x03}));
        HttpExchange e = r.only();
        assertThat(e.method()).isEqualTo("CONNECT");
        assertThat(e.authority()).isEqualTo("api.example.org:443");
        assertThat(e.upgrade()).isEqualTo("tunnel");
        assertThat(r.tunnelOpeners).containsExactly(e.id());
        assertThat(r.tunnelFromClient.toByteArray()).containsExactly(0x16, 0x03, 0x01, 0x00, 0x05, 'h', 'e', 'l', 'l', 'o');
        assertThat(r.tunnelFromServer.toByteArray()).containsExactly(0x16, 0x03, 0x03);
    }

    @Test
    void clientHelloSentBeforeTheProxyAnswersStillGoesToTheTunnel() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("CONNECT h:443 HTTP/1.1\r\n\r\n\u0016\u0003\u0001early")
                .server("HTTP/1.1 200 OK\r\n\r\n")
                .gap(false, 7)
                .client("late"));
        assertThat(r.only().upgrade()).isEqualTo("tunnel");
        assertThat(r.tunnelFromClient.toString(StandardCharsets.ISO_8859_1)).isEqualTo("\u0016\u0003\u0001earlylate");
        assertThat(r.tunnelGapBytes).isEqualTo(7);
        assertThat(r.problems).isEmpty();
    }

    @Test
    void refusedWebsocketUpgradeKeepsParsingHttp() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
                        + "GET /next HTTP/1.1\r\nHost: h\r\n\r\n")
                .server("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
        assertThat(r.exchanges).extracting(e -> e.path() + "=" + e.status() + e.upgrade()).containsExactly("/ws=400", "/next=200");
        assertThat(r.tunnelOpeners).isEmpty();
    }

    @Test
    void refusedConnectKeepsParsingHttp() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("CONNECT x:443 HTTP/1.1\r\n\r\n")
                .server("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
                .client("GET http://x/ HTTP/1.1\r\nHost: x\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
        assertThat(r.exchanges).extracting(HttpExchange::status).containsExactly(407, 200);
        assertThat(r.tunnelOpeners).isEmpty();
    }

    @Test
    void websocketUpgradeStopsHttpParsing() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("GET /chat HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .server("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\u0081\u0002hi")
                .client("\u0081\u0082abcdXY"));
        HttpExchange e = r.only();
        assertThat(e.status()).isEqualTo(101);
        assertThat(e.upgrade()).isEqualTo("websocket");
        assertThat(r.tunnelFromServer.toString(StandardCharsets.ISO_8859_1)).isEqualTo("\u0081\u0002hi");
        assertThat(r.tunnelFromClient.toString(StandardCharsets.ISO_8859_1)).isEqualTo("\u0081\u0082abcdXY");
    }

    @Test
    void garbageBeforeARequestIsReportedAndSkipped() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("\u0000\u0001garbage line\r\nGET /ok HTTP/1.1\r\nHost: h\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
        assertThat(r.only().path()).isEqualTo("/ok");
        assertThat(r.problems).extracting(Problem::code).containsExactly("http1.request.malformed");
    }

    @Test
    void gapInsideAKnownLengthBodyIsBridged() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123")
                .gap(false, 4)
                .server("89HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        assertThat(r.exchanges).hasSize(2);
        HttpExchange first = r.exchanges.get(0);
        assertThat(first.responseBody().wireLength()).isEqualTo(10);
        assertThat(first.responseBody().truncated()).isTrue();
        assertThat(first.problems()).extracting(Problem::code).containsExactly("http.capture.gap");
        assertThat(text(r.exchanges.get(1).responseBody())).isEqualTo("ok");
    }

    @Test
    void gapInARequestHeadKeepsResponsesPairedWithTheirRequests() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("GET /lost HTTP/1.1\r\nHo")
                .gap(true, 100)
                .client("st: x\r\n\r\nGET /found HTTP/1.1\r\nHost: h\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nlostHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfound"));
        assertThat(r.exchanges).extracting(e -> e.path() + ":" + text(e.responseBody()))
                .containsExactly("/lost:lost", "/found:found");
        assertThat(r.exchanges.get(0).problems()).extracting(Problem::code).containsExactly("http.capture.gap");
        assertThat(r.exchanges.get(1).problems()).isEmpty();
    }

    @Test
    void gapInAResponseHeadClosesThatResponse() {
        Recorder r = SplitInvariance.parse(new Conversation()
                .client("GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n")
                .server("HTTP/1.1 503 Busy\r\nConte")
                .gap(false, 50)
                .server("nt-Length: 1\r\n\r\nxHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"));
        assertThat(r.exchanges).extracting(e -> e.path() + "=" + e.status()).containsExactly("/1=503", "/2=200");
        assertThat(r.exchanges.get(0).problems()).extracting(Problem::code).containsExactly("http.capture.gap");
        assertThat(text(r.exchanges.get(1).responseBody())).isEqualTo("ok");
    }

    @Test
    void missingResponseIsReportedAtTheEnd() {
        HttpExchange e = SplitInvariance.parse(new Conversation()
                .client("POST /x HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")).only();
        assertThat(e.status()).isZero();
        assertThat(e.requestBody().truncated()).isTrue();
        assertThat(e.problems()).extracting(Problem::code).contains("http.request.incomplete", "http.response.missing");
    }

    @Test
    void conflictingContentLengthIsAProblem() {
        HttpExchange e = SplitInvariance.parse(new Conversation()
                .client("GET / HTTP/1.1\r\n\r\n")
                .server("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabc")).only();
        assertThat(e.problems()).extracting(Problem::code).contains("http1.response.malformed");
        assertThat(text(e.responseBody())).isEqualTo("abc");
    }

    @Test
    void gzipResponseIsDecoded() {
        byte[] gz = CaptureWriter.gzip("compressed hello".getBytes(StandardCharsets.UTF_8));
        HttpExchange e = SplitInvariance.parse(new Conversation()
                .client("GET / HTTP/1.1\r\n\r\n")
                .server(Conversation.concat(("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + gz.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), gz))).only();
        assertThat(text(e.responseBody())).isEqualTo("compressed hello");
        assertThat(e.responseBody().wireLength()).isEqualTo(gz.length);
        assertThat(e.responseBody().contentEncoding()).isEqualTo("gzip");
    }

    @Test
    void transferEncodingGzipIsUndoneAfterChunking() {
        byte[] gz = CaptureWriter.gzip("te gzip".getBytes(StandardCharsets.UTF_8));
        HttpExchange e = SplitInvariance.parse(new Conversation()
                .client("GET / HTTP/1.1\r\n\r\n")
                .server(Conversation.concat(("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                        + Integer.toHexString(gz.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1), gz,
                        "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)))).only();
        assertThat(text(e.responseBody())).isEqualTo("te gzip");
    }
}
