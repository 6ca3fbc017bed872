package dev.phonehome.traffic.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile connections: the engine must stay bounded (this class runs under -Xmx256m) and never hang. */
@Timeout(60)
class HttpAdversarialTest {
    private static final String[] GET = {":method", "GET", ":scheme", "https", ":authority", "h", ":path", "/"};

    private static Recorder feed(Optional<String> alpn, byte[] clientBytes, byte[] serverBytes) {
        Recorder r = new Recorder();
        HttpConnectionParser p = new HttpConnectionParser("evil", alpn, r);
        p.feed(true, 1, ByteBuffer.wrap(clientBytes));
        p.feed(false, 2, ByteBuffer.wrap(serverBytes));
        p.end();
        return r;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void hpackBombIsAStreamErrorAndThenTheConnectionStops() {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.writeBytes(H2Wire.block(GET));
        block.write(0x40);
        H2Wire.string(block, "x");
        H2Wire.string(block, "v".repeat(4000));
        for (int i = 0; i < 15_000; i++) {
            block.write(0xBE);
        }
        byte[] bomb = block.toByteArray();
        H2Wire w = H2Wire.client();
        for (int i = 0; i < bomb.length; i += 16_000) {
            byte[] part = java.util.Arrays.copyOfRange(bomb, i, Math.min(bomb.length, i + 16_000));
            w.frame(i == 0 ? Http2Frame.HEADERS : Http2Frame.CONTINUATION,
                    i + 16_000 >= bomb.length ? Http2Frame.END_HEADERS : 0, 1, part);
        }
        w.headers(3, true, GET);
        Recorder r = feed(Optional.of("h2"), w.bytes(), new byte[0]);
        assertThat(r.only().sequence()).isEqualTo(1);
        assertThat(r.only().problems()).extracting(Problem::code).containsExactly("http2.stream.enhance_your_calm");
        assertThat(r.problems).extracting(Problem::code).containsExactly("http2.connection.compression_error");
    }

    @Test
    void continuationFloodIsAConnectionError() {
        H2Wire w = H2Wire.client().frame(Http2Frame.HEADERS, 0, 1, H2Wire.block(GET));
        byte[] junk = new byte[16_384];
        for (int i = 0; i < 1_000; i++) {
            w.frame(Http2Frame.CONTINUATION, 0, 1, junk);
        }
        Recorder r = feed(Optional.of("h2"), w.bytes(), new byte[0]);
        assertThat(r.problems).extracting(Problem::code).containsExactly("http2.connection.enhance_your_calm");
    }

    @Test
    void lyingFrameLengthIsAFrameSizeErrorWithoutWaitingForThePayload() {
        Recorder r = feed(Optional.of("h2"), H2Wire.client().frame(Http2Frame.DATA, 0, 1, new byte[10], 0xFF_FFFF).bytes(),
                new byte[0]);
        assertThat(r.problems).extracting(Problem::code).containsExactly("http2.connection.frame_size_error");
    }

    @Test
    void paddingLongerThanThePayloadIsAProtocolError() {
        Recorder r = feed(Optional.of("h2"), H2Wire.client().headers(1, false, GET)
                .frame(Http2Frame.DATA, Http2Frame.PADDED, 1, new byte[] {9, 1, 2}).bytes(), new byte[0]);
        assertThat(r.problems).extracting(Problem::code).containsExactly("http2.connection.protocol_error");
        assertThat(r.only().problems()).extracting(Problem::code).containsExactly("http2.connection");
    }

    @Test
    void streamIdReuseAfterCloseIsAConnectionError() {
        Recorder r = new Conversation().alpn("h2")
                .client(H2Wire.client().headers(1, true, GET).bytes())
                .server(H2Wire.server().headers(1, true, ":status", "200").bytes())
                .client(H2Wire.empty().headers(1, true, GET).headers(3, true, GET).bytes())
                .whole();
        assertThat(r.problems).extracting(Problem::code).containsExactly("http2.connection.protocol_error");
        assertThat(r.only().problems()).isEmpty();
    }

    @Test
    void secondRequestOnAnOpenStreamPoisonsOnlyThatStream() {
        Recorder r = new Conversation().alpn("h2")
                .client(H2Wire.client().headers(1, true, GET).headers(1, true, GET).headers(3, true, GET).bytes())
                .server(H2Wire.server().headers(3, true, ":status", "200").bytes())
                .whole();
        assertThat(r.exchanges).extracting(HttpExchange::sequence).containsExactly(1L, 3L);
        assertThat(r.exchanges.get(0).problems()).extracting(Problem::code).containsExactly("http2.stream.stream_closed");
        assertThat(r.exchanges.get(1).status()).isEqualTo(200);
    }

    @Test
    void tooManyOpenStreamsStopTheConnection() {
        H2Wire w = H2Wire.client();
        for (int id = 1; id < 2 * 2_000; id += 2) {
            w.headers(id, false, GET);
        }
        Recorder r = feed(Optional.of("h2"), w.bytes(), new byte[0]);
        assertThat(r.problems).extracting(Problem::code).containsExactly("http2.connection.enhance_your_calm");
        assertThat(r.exchanges).hasSize(HttpLimits.DEFAULT.maxOpenStreams());
    }

    @Test
    void twoGibibyteContentLengthKeepsOnlyTheCap() {
        Recorder r = new Recorder();
        HttpConnectionParser p = new HttpConnectionParser("evil", Optional.empty(), r);
        p.feed(true, 1, ByteBuffer.wrap(ascii("POST / HTTP/1.1\r\nContent-Length: 2147483648\r\n\r\n")));
        byte[] mib = new byte[1024 * 1024];
        for (int i = 0; i < 40; i++) {
            p.feed(true, 2, ByteBuffer.wrap(mib));
        }
        p.end();
        HttpExchange e = r.only();
        assertThat(e.requestBody().wireLength()).isEqualTo(40L * 1024 * 1024);
        assertThat(e.requestBody().bytes()).hasSize(HttpLimits.DEFAULT.maxBodyCaptureBytes());
        assertThat(e.problems()).extracting(Problem::code)
                .contains("http.request.incomplete", "http.body.capped", "http.response.missing");
    }

    @Test
    void contentLengthBeyondLongIsMalformed() {
        HttpExchange e = feed(Optional.empty(), ascii("GET / HTTP/1.1\r\n\r\n"),
                ascii("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\nbody")).only();
        assertThat(e.problems()).extracting(Problem::code).contains("http1.response.malformed");
    }

    @Test
    void endlessChunkSizeLineIsMalformed() {
        byte[] endless = ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + "f".repeat(100_000));
        HttpExchange e = feed(Optional.empty(), ascii("GET / HTTP/1.1\r\n\r\n"), endless).only();
        assertThat(e.problems()).extracting(Problem::code).containsExactly("http1.response.malformed");
        HttpExchange huge = feed(Optional.empty(), ascii("GET / HTTP/1.1\r\n\r\n"),
                ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n")).only();
        assertThat(huge.problems()).extracting(Problem::code).containsExactly("http1.response.malformed");
    }

    @Test
    void endlessHeaderSectionIsMalformed() {
        byte[] endless = ascii("GET / HTTP/1.1\r\n" + "X: y\r\n".repeat(50_000));
        Recorder r = feed(Optional.empty(), endless, new byte[0]);
        assertThat(r.problems).extracting(Problem::code).first().isEqualTo("http1.request.malformed");
        assertThat(r.exchanges).isEmpty();
    }

    @Test
    void gzipBombBodyStopsAtTheDecodingBudget() {
        byte[] body = GzipBomb.oneGibibyte();
        byte[] response = Conversation.concat(ascii("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: "
                + body.length + "\r\n\r\n"), body);
        HttpExchange e = feed(Optional.empty(), ascii("GET /bomb HTTP/1.1\r\n\r\n"), response).only();
        assertThat(e.responseBody().truncated()).isTrue();
        assertThat(e.responseBody().bytes()).hasSize(HttpLimits.DEFAULT.maxDecodedBytes());
        assertThat(e.problems()).extracting(Problem::code).containsExactly("http.body.decode_budget");
    }

    @Test
    void unansweredPipelinedRequestsAreEvicted() {
        Recorder r = feed(Optional.empty(), ascii("GET / HTTP/1.1\r\n\r\n".repeat(1_000)), new byte[0]);
        assertThat(r.exchanges).hasSize(1_000);
        assertThat(r.exchanges).allSatisfy(e ->
                assertThat(e.problems()).extracting(Problem::code).containsExactly("http.response.missing"));
    }

    @Test
    void clientTalkingAfterAnUnansweredConnectIsNotBufferedWithoutBound() {
        Recorder r = new Recorder();
        HttpConnectionParser p = new HttpConnectionParser("evil", Optional.empty(), r);
        p.feed(true, 1, ByteBuffer.wrap(ascii("CONNECT x:443 HTTP/1.1\r\n\r\n")));
        byte[] mib = new byte[1024 * 1024];
        for (int i = 0; i < 300; i++) {
            p.feed(true, 2, ByteBuffer.wrap(mib));
        }
        p.end();
        assertThat(r.exchanges).hasSize(1);
        assertThat(r.exchanges.get(0).problems()).extracting(Problem::code).containsExactly("http.response.missing");
        assertThat(r.problems).extracting(Problem::code).contains("http1.request.malformed");
    }

    @Test
    void oneByteSegmentsOfALargeHeaderFinishInTime() {
        byte[] head = ascii("GET / HTTP/1.1\r\n" + "X-Pad: " + "a".repeat(30_000) + "\r\n\r\n");
        Recorder r = new Recorder();
        HttpConnectionParser p = new HttpConnectionParser("slow", Optional.empty(), r);
        long start = System.nanoTime();
        for (byte b : head) {
            p.feed(true, 1, ByteBuffer.wrap(new byte[] {b}));
        }
        p.end();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(r.only().requestHeaders()).hasSize(1);
    }
}
