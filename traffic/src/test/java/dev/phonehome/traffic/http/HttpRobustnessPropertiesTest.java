package dev.phonehome.traffic.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.testkit.capture.CaptureWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Mechanical robustness: any split gives the same result, and prefixes, byte flips or random
 * bytes give only recorded problems, never an exception.
 */
class HttpRobustnessPropertiesTest {
    private static final String[] GET = {":method", "GET", ":scheme", "https", ":authority", "h", ":path", "/p"};

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static final byte[] H1_CLIENT = Conversation.concat(
            ascii("PUT /f HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n"),
            ascii("4;x=y\r\ndata\r\n0\r\nT: 1\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\nHEAD /3 HTTP/1.1\r\n\r\n"));
    private static final byte[] H1_SERVER = Conversation.concat(
            ascii("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: "
                    + CaptureWriter.gzip(ascii("zipped")).length + "\r\n\r\n"),
            CaptureWriter.gzip(ascii("zipped")),
            ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                    + "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n"));
    private static final byte[] H2_CLIENT = H2Wire.client().headers(1, false, GET).data(1, true, "body")
            .headers(3, true, GET).frame(Http2Frame.RST_STREAM, 0, 3, H2Wire.u32(8)).bytes();
    private static final byte[] H2_SERVER = H2Wire.server().headers(1, false, ":status", "200")
            .data(1, false, "x").headers(1, true, "t", "v").bytes();

    private static Conversation h1() {
        return new Conversation().client(H1_CLIENT).server(H1_SERVER);
    }

    private static Conversation h2() {
        return new Conversation().client(H2_CLIENT).server(H2_SERVER);
    }

    @Property(tries = 100)
    void http1ResultDoesNotDependOnSegmentation(@ForAll long seed) {
        Recorder whole = h1().whole();
        assertThat(whole.exchanges).hasSize(3);
        assertThat(whole.problems).isEmpty();
        assertThat(h1().randomSplits(seed).summary()).isEqualTo(whole.summary());
    }

    @Property(tries = 100)
    void http2ResultDoesNotDependOnSegmentation(@ForAll long seed) {
        Recorder whole = h2().whole();
        assertThat(whole.exchanges).hasSize(2);
        assertThat(h2().randomSplits(seed).summary()).isEqualTo(whole.summary());
    }

    @Property(tries = 300)
    void everyPrefixOfEitherProtocolIsHandled(@ForAll @IntRange(min = 0, max = 400) int clientCut,
                                              @ForAll @IntRange(min = 0, max = 400) int serverCut,
                                              @ForAll boolean http2) {
        byte[] c = http2 ? H2_CLIENT : H1_CLIENT;
        byte[] s = http2 ? H2_SERVER : H1_SERVER;
        Recorder r = feed(java.util.Arrays.copyOf(c, Math.min(clientCut, c.length)),
                java.util.Arrays.copyOf(s, Math.min(serverCut, s.length)));
        assertThat(r.exchanges.size()).isLessThanOrEqualTo(3);
        assertThat(r.problems).allSatisfy(p -> assertThat(p.code()).startsWith("http"));
    }

    @Property(tries = 500)
    void byteFlipsYieldOnlyProblems(@ForAll boolean http2, @ForAll boolean inClient,
                                    @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 10_000) Integer> positions,
                                    @ForAll byte xor) {
        byte[] c = (http2 ? H2_CLIENT : H1_CLIENT).clone();
        byte[] s = (http2 ? H2_SERVER : H1_SERVER).clone();
        byte[] target = inClient ? c : s;
        for (int p : positions) {
            target[p % target.length] ^= (xor == 0 ? 1 : xor);
        }
        Recorder r = feed(c, s);
        assertThat(r.exchanges).allSatisfy(e -> assertThat(e.id()).hasSize(24));
    }

    @Property(tries = 300)
    void randomBytesYieldOnlyProblems(@ForAll("streams") byte[] client, @ForAll("streams") byte[] server,
                                      @ForAll boolean prefixWithPreface) {
        byte[] c = prefixWithPreface ? Conversation.concat(Http2FrameReader.PREFACE, client) : client;
        Recorder r = feed(c, server);
        assertThat(r.problems).allSatisfy(p -> assertThat(p.code()).startsWith("http"));
        assertThat(r.exchanges).allSatisfy(e -> assertThat(e.id()).hasSize(24));
    }

    @Provide
    Arbitrary<byte[]> streams() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
    }

    private static Recorder feed(byte[] client, byte[] server) {
        Recorder r = new Recorder();
        HttpConnectionParser p = new HttpConnectionParser("fuzz", Optional.empty(), r);
        p.feed(true, 1, ByteBuffer.wrap(client));
        p.feed(false, 2, ByteBuffer.wrap(server));
        p.end();
        return r;
    }
}
