package dev.phonehome.traffic.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.traffic.capture.KeyLog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One loopback session recorded by tcpdump: curl against openssl s_server (HTTP/1.1) and nghttpd
 * (HTTP/2) over TLS 1.2 and 1.3, clear-text HTTP against the JDK server, a binary non-HTTP
 * exchange, and one TLS connection whose secrets go to a different key log. phonehome's view of
 * it is compared with what the servers sent and with what tshark decrypts.
 */
class EndToEndTest {
    static final String HELLO = "phonehome canary body 7f3a\n";
    static final byte[] BLOB = blob();
    static final byte[] OPAQUE_REQUEST = {0x00, 0x01, 0x02, (byte) 0xff, 0x10, 0x20, 0x30, 0x40, 0x50};
    static final byte[] OPAQUE_REPLY = {0x7f, 0x00, 0x00};

    @TempDir
    static Path dir;
    static LoopbackLab lab;
    static HttpServer plain;
    static int http1Port;
    static int http2Port;
    static int plainPort;
    static int opaquePort;
    static int unloggedPort;
    static int proxyPort;
    static Path pcapng;
    static TrafficReport embedded;

    @BeforeAll
    static void record() throws Exception {
        assumeTrue(LoopbackLab.available("tcpdump", "tshark", "editcap", "curl", "openssl", "nghttpd"),
                "needs tcpdump, tshark, editcap, curl, openssl and nghttpd");
        lab = new LoopbackLab(dir);
        Files.writeString(dir.resolve("hello.txt"), HELLO, StandardCharsets.US_ASCII);
        Files.write(dir.resolve("blob.bin"), BLOB);
        http1Port = lab.opensslWww();
        http2Port = lab.nghttpd();
        unloggedPort = lab.opensslWww();
        plainPort = lab.freePort();
        plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), plainPort), 0);
        plain.createContext("/", x -> {
            byte[] body = ("plain " + x.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "text/plain");
            x.sendResponseHeaders(200, body.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(body);
            }
        });
        plain.start();
        try (ServerSocket opaque = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ConnectProxy proxy = new ConnectProxy()) {
            opaquePort = opaque.getLocalPort();
            proxyPort = proxy.port();
            lab.freePortUsed(opaquePort);
            lab.freePortUsed(proxyPort);
            lab.startCapture();
            proxy.target(lab.nghttpd()); // started after the capture filter was set: the proxy's leg stays out of it
            lab.curl("https", http1Port, "/hello.txt", "--tlsv1.2", "--tls-max", "1.2", "--http1.1");
            lab.curl("https", http1Port, "/blob.bin", "--tlsv1.3", "--http1.1");
            lab.curl("https", http2Port, "/hello.txt", "--tlsv1.2", "--tls-max", "1.2", "--http2");
            lab.curl("https", http2Port, "/hello.txt", "--tlsv1.3", "--http2", "--data-binary", "a=1&b=2");
            lab.curl("http", plainPort, "/plain?x=1");
            lab.curl(dir.resolve("unlogged.txt"), "https", unloggedPort, "/hello.txt", "--tlsv1.3", "--http1.1");
            opaqueExchange(opaque);
            lab.curl("https", 443, "/hello.txt", "--proxy", "http://127.0.0.1:" + proxyPort, "--http2", "--tlsv1.3");
            lab.stopCapture();
        }
        pcapng = dir.resolve("cap.pcapng");
        lab.run("editcap", "--inject-secrets", "tls," + lab.keyLog(), lab.pcap().toString(), pcapng.toString());
        embedded = new TrafficAnalyzer().report(pcapng, KeyLog.empty());
    }

    private static void opaqueExchange(ServerSocket server) throws IOException {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            client.getOutputStream().write(OPAQUE_REQUEST);
            accepted.getInputStream().readNBytes(OPAQUE_REQUEST.length);
            accepted.getOutputStream().write(OPAQUE_REPLY);
            client.getInputStream().readNBytes(OPAQUE_REPLY.length);
        }
    }

    @AfterAll
    static void stop() {
        if (plain != null) {
            plain.stop(0);
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void decryptsHttp1OverTls12And13AsTsharkDoes() throws Exception {
        List<TrafficExchange> ours = exchangesTo(embedded, http1Port);
        assertThat(ours).extracting(TrafficExchange::method, TrafficExchange::path, TrafficExchange::status)
                .containsExactly(
                        tuple("GET", "/hello.txt", 200),
                        tuple("GET", "/blob.bin", 200));
        assertThat(ours.get(0).tls().orElseThrow().version()).contains("TLS 1.2");
        assertThat(ours.get(1).tls().orElseThrow().version()).contains("TLS 1.3");
        assertThat(ours.get(0).responseBody().orElseThrow().bytes()).isEqualTo(HELLO.getBytes(StandardCharsets.US_ASCII));
        assertThat(ours.get(1).responseBody().orElseThrow().encoding()).isEqualTo(TrafficBody.BASE64);
        assertThat(ours.get(1).responseBody().orElseThrow().bytes()).isEqualTo(BLOB);

        List<String[]> tshark = rows(lab.run("tshark", "-r", pcapng.toString(), "-o", "http.desegment_body:FALSE",
                "-Y", "http && tcp.port == " + http1Port, "-T", "fields",
                "-e", "http.request.method", "-e", "http.request.uri", "-e", "http.response.code"));
        assertThat(tshark.stream().filter(r -> !r[0].isEmpty()).map(r -> r[0] + " " + r[1]))
                .containsExactly("GET /hello.txt", "GET /blob.bin");
        assertThat(tshark.stream().filter(r -> r.length > 2 && !r[2].isEmpty()).map(r -> r[2]))
                .containsExactly("200", "200");
    }

    @Test
    void decryptsHttp2OverTls12And13AsTsharkDoes() throws Exception {
        List<TrafficExchange> ours = exchangesTo(embedded, http2Port);
        assertThat(ours).extracting(TrafficExchange::httpVersion, TrafficExchange::method, TrafficExchange::path,
                        TrafficExchange::status)
                .containsExactly(
                        tuple("HTTP/2", "GET", "/hello.txt", 200),
                        tuple("HTTP/2", "POST", "/hello.txt", 200));
        assertThat(ours.get(1).requestBody().orElseThrow().text()).isEqualTo("a=1&b=2");
        assertThat(ours).allSatisfy(x -> {
            assertThat(x.responseBody().orElseThrow().bytes()).isEqualTo(HELLO.getBytes(StandardCharsets.US_ASCII));
            assertThat(x.tls().orElseThrow().alpnSelected()).contains("h2");
            assertThat(x.serverName()).contains(LoopbackLab.HOST);
            assertThat(x.serverNameSource()).contains(ServerNameSource.SNI);
        });

        List<String[]> tshark = rows(lab.run("tshark", "-r", pcapng.toString(), "-Y",
                "(http2.headers.method || http2.headers.status) && tcp.port == " + http2Port, "-T", "fields", "-e", "http2.headers.method",
                "-e", "http2.headers.path", "-e", "http2.headers.status", "-e", "http2.data.data"));
        assertThat(tshark.stream().filter(r -> !r[0].isEmpty()).map(r -> r[0] + " " + r[1]))
                .containsExactly("GET /hello.txt", "POST /hello.txt");
        assertThat(tshark.stream().filter(r -> r.length > 2 && !r[2].isEmpty()).map(r -> r[2]))
                .containsExactly("200", "200");
    }

    @Test
    void separateKeyLogDecryptsPlainPcapLikeEmbeddedSecrets() throws Exception {
        TrafficReport separate = new TrafficAnalyzer().report(lab.pcap(), KeyLog.parse(lab.keyLog()));
        assertThat(separate.exchanges()).isEqualTo(embedded.exchanges());
        assertThat(separate.capture().keyLogSecrets()).isEqualTo(embedded.capture().keyLogSecrets()).isPositive();
    }

    @Test
    void connectionWithoutLoggedSecretsIsReportedWithReasonAndSni() {
        TrafficConnection c = connectionTo(embedded, unloggedPort);
        assertThat(c.protocol()).isEqualTo(Protocol.TLS);
        assertThat(c.tls().orElseThrow().notDecrypted()).contains("NO_KEY_FOR_CLIENT_RANDOM");
        assertThat(c.serverName()).contains(LoopbackLab.HOST);
        assertThat(c.serverNameSource()).contains(ServerNameSource.SNI);
        assertThat(c.exchanges()).isZero();
        assertThat(c.bytesFromServer()).isPositive();
    }

    @Test
    void clearTextHttpIsReadWithoutKeys() throws Exception {
        TrafficReport noKeys = new TrafficAnalyzer().report(lab.pcap(), KeyLog.empty());
        List<TrafficExchange> ours = exchangesTo(noKeys, plainPort);
        assertThat(ours).singleElement().satisfies(x -> {
            assertThat(x.url()).isEqualTo("http://" + LoopbackLab.HOST + ":" + plainPort + "/plain?x=1");
            assertThat(x.tls()).isEmpty();
            assertThat(x.serverNameSource()).contains(ServerNameSource.HOST);
            assertThat(x.responseBody().orElseThrow().text()).isEqualTo("plain /plain?x=1");
        });
        assertThat(connectionTo(noKeys, plainPort).protocol()).isEqualTo(Protocol.HTTP);
        assertThat(connectionTo(noKeys, http2Port).tls().orElseThrow().notDecrypted()).contains("NO_KEY_FOR_CLIENT_RANDOM");
    }

    @Test
    void tlsInsideAConnectTunnelIsDecrypted() {
        List<TrafficExchange> viaProxy = exchangesTo(embedded, proxyPort);
        assertThat(viaProxy).extracting(TrafficExchange::method, TrafficExchange::url).containsExactly(
                tuple("CONNECT", "http://" + LoopbackLab.HOST + ":443/"),
                tuple("GET", "https://" + LoopbackLab.HOST + "/hello.txt"));
        TrafficExchange inner = viaProxy.get(1);
        assertThat(inner.httpVersion()).isEqualTo("HTTP/2");
        assertThat(inner.tls().orElseThrow().serverName()).contains(LoopbackLab.HOST);
        assertThat(inner.responseBody().orElseThrow().text()).isEqualTo(HELLO);
        assertThat(connectionTo(embedded, proxyPort).protocol()).isEqualTo(Protocol.HTTP);
    }

    @Test
    void nonHttpTcpIsCountedAsOther() {
        TrafficConnection c = connectionTo(embedded, opaquePort);
        assertThat(c.protocol()).isEqualTo(Protocol.OTHER);
        assertThat(c.tls()).isEmpty();
        assertThat(c.bytesFromClient()).isEqualTo(OPAQUE_REQUEST.length);
        assertThat(c.bytesFromServer()).isEqualTo(OPAQUE_REPLY.length);
    }

    @Test
    void sameCaptureGivesByteIdenticalJson() throws Exception {
        String again = CanonicalJson.toString(new TrafficAnalyzer().report(pcapng, KeyLog.empty()));
        assertThat(again).isEqualTo(CanonicalJson.toString(embedded));
        assertThat(again).contains("\"schema\" : \"" + TrafficReport.SCHEMA + "\"");
    }

    @Test
    void truncatedLastPacketKeepsWhatCameBefore() throws Exception {
        byte[] whole = Files.readAllBytes(lab.pcap());
        Path cut = dir.resolve("truncated-last-packet.pcap");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 7));
        TrafficReport r = new TrafficAnalyzer().report(cut, KeyLog.parse(lab.keyLog()));
        assertThat(r.problems()).isNotEmpty();
        assertThat(r.capture().units()).isEqualTo(embedded.capture().units() - 1);
        assertThat(r.exchanges()).extracting(TrafficExchange::id)
                .containsExactlyElementsOf(embedded.exchanges().stream().map(TrafficExchange::id).toList());
    }

    @Test
    void everyPrefixOfTheCaptureIsAnalysedWithoutException() throws Exception {
        byte[] whole = Files.readAllBytes(pcapng);
        Path prefix = dir.resolve("prefix.pcapng");
        for (int n = 64; n < whole.length; n += whole.length / 25) {
            Files.write(prefix, Arrays.copyOf(whole, n));
            try {
                TrafficReport r = new TrafficAnalyzer().report(prefix, KeyLog.empty());
                assertThat(r.exchanges().size()).isLessThanOrEqualTo(embedded.exchanges().size());
            } catch (dev.phonehome.traffic.capture.CaptureFormatException allowed) {
                assertThat(allowed.getMessage()).isNotBlank();
            }
        }
    }

    static List<TrafficExchange> exchangesTo(TrafficReport r, int port) {
        return r.exchanges().stream().filter(x -> x.server().endsWith(":" + port)).toList();
    }

    static TrafficConnection connectionTo(TrafficReport r, int port) {
        return r.connections().stream().filter(c -> c.server().endsWith(":" + port)).findFirst().orElseThrow();
    }

    private static List<String[]> rows(String tsv) {
        List<String[]> rows = new ArrayList<>();
        tsv.lines().forEach(l -> rows.add(l.split("\t", -1)));
        return rows;
    }

    private static byte[] blob() {
        byte[] b = new byte[300];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 7);
        }
        return b;
    }
}
