package dev.phonehome.traffic.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


import com.sun.net.httpserver.HttpServer;
import dev.phonehome.testkit.capture.CaptureWriter;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clients and servers on loopback (curl, the JDK's HttpServer, nghttpd and nghttp from Debian's
 * nghttp2-server and nghttp2-client, brotli and zstd from Debian) with a recording relay between them; the
 * recorded bytes must parse into exactly what the test served.
 */
@Timeout(120)
class RealPeersTest {
    private static final byte[] PAGE = "{\"android_id\":\"9774d56d682e549c\",\"n\":[1,2,3]}\n".repeat(300)
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static void requireTool(String path) {
        assumeTrue(Files.isExecutable(Path.of(path)), path + " is not installed");
    }

    private static String run(Path workDir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", List.of(command), new String(out, StandardCharsets.UTF_8)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private byte[] compressWithCli(String tool, String... args) throws IOException, InterruptedException {
        Path plain = dir.resolve("page-" + tool + ".json");
        Files.write(plain, PAGE);
        Path packed = dir.resolve("page-" + tool + ".packed");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/" + tool));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-o", packed.toString(), plain.toString()));
        run(dir, cmd.toArray(String[]::new));
        return Files.readAllBytes(packed);
    }

    private static void serve(HttpServer server, String path, Map<String, String> headers, byte[] body, boolean chunked) {
        server.createContext(path, (com.sun.net.httpserver.HttpExchange x) -> {
            headers.forEach((k, v) -> x.getResponseHeaders().add(k, v));
            x.sendResponseHeaders(200, chunked ? 0 : body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
    }

    @Test
    void curlHttp11KeepAliveChunkedAndCompressedBodiesFromJdkServer() throws Exception {
        requireTool("/usr/bin/curl");
        requireTool("/usr/bin/brotli");
        requireTool("/usr/bin/zstd");
        byte[] br = compressWithCli("brotli", "-f");
        byte[] zst = compressWithCli("zstd", "-q", "-f");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve(server, "/chunked", Map.of("Content-Type", "application/json"), PAGE, true);
        serve(server, "/gzip", Map.of("Content-Encoding", "gzip"), CaptureWriter.gzip(PAGE), false);
        serve(server, "/br", Map.of("Content-Encoding", "br"), br, false);
        serve(server, "/zstd", Map.of("Content-Encoding", "zstd"), zst, true);
        server.start();
        try (RecordingRelay relay = new RecordingRelay(server.getAddress().getPort())) {
            String base = "http://127.0.0.1:" + relay.port();
            run(dir, "/usr/bin/curl", "-sS", "--http1.1", "--compressed", "-o", "/dev/null", "-o", "/dev/null",
                    "-o", "/dev/null", "-o", "/dev/null", "-H", "X-Phonehome: probe",
                    base + "/chunked?id=1", base + "/gzip", base + "/br", base + "/zstd");
            List<Recorder> connections = relay.replay(Optional.empty());
            assertThat(connections).hasSize(1);
            Recorder r = connections.get(0);
            assertThat(r.problems).isEmpty();
            assertThat(r.exchanges).extracting(e -> e.method() + " " + e.path() + " " + e.status())
                    .containsExactly("GET /chunked?id=1 200", "GET /gzip 200", "GET /br 200", "GET /zstd 200");
            assertThat(r.exchanges).allSatisfy(e -> {
                assertThat(e.httpVersion()).isEqualTo("HTTP/1.1");
                assertThat(e.requestHeaders()).contains(new Header("X-Phonehome", "probe"));
                assertThat(e.responseBody().bytes()).isEqualTo(PAGE);
                assertThat(e.problems()).isEmpty();
            });
            assertThat(Header.first(r.exchanges.get(0).responseHeaders(), "Transfer-Encoding")).hasValue("chunked");
            assertThat(r.exchanges.get(2).responseBody().contentEncoding()).isEqualTo("br");
            assertThat(r.exchanges.get(2).responseBody().wireLength()).isEqualTo(br.length);
        } finally {
            server.stop(0);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("nothing listens on " + port);
    }

    /** Starts nghttpd (cleartext, with extra options), lets {@code client} talk to it through a relay, returns the replay. */
    private List<Recorder> againstNghttpd(List<String> serverOptions, ClientRun client) throws Exception {
        requireTool("/usr/sbin/nghttpd");
        Path docroot = Files.createDirectories(dir.resolve("htdocs"));
        Files.write(docroot.resolve("a.json"), PAGE);
        Files.write(docroot.resolve("b.txt"), "second file\n".getBytes(StandardCharsets.UTF_8));
        Files.write(docroot.resolve("c.txt"), "third file\n".getBytes(StandardCharsets.UTF_8));
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of("/usr/sbin/nghttpd", "--no-tls", "-d", docroot.toString(),
                "--address=127.0.0.1"));
        cmd.addAll(serverOptions);
        cmd.add(String.valueOf(port));
        Process nghttpd = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("nghttpd.log").toFile()).start();
        try {
            awaitListening(port);
            try (RecordingRelay relay = new RecordingRelay(port)) {
                client.run("http://127.0.0.1:" + relay.port());
                return relay.replay(Optional.empty());
            }
        } finally {
            nghttpd.destroy();
            nghttpd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A client command against a base URL. */
    private interface ClientRun {
        void run(String base) throws Exception;
    }

    private List<Recorder> curlAgainstNghttpd(String curlMode, String... paths) throws Exception {
        requireTool("/usr/bin/curl");
        return againstNghttpd(List.of(), base -> {
            // One curl per path: curl 7.88 fails to reuse an h2c prior-knowledge connection with nghttpd.
            for (String p : paths) {
                run(dir, "/usr/bin/curl", "-sS", curlMode, "-H", "X-Phonehome: h2", "-o", "/dev/null", base + p);
            }
        });
    }

    @Test
    void nghttpMultiplexesStreamsAndAcceptsAPushFromNghttpd() throws Exception {
        requireTool("/usr/bin/nghttp");
        List<Recorder> connections = againstNghttpd(List.of("--push=/b.txt=/a.json"),
                base -> run(dir, "/usr/bin/nghttp", "-n", "-H", "x-phonehome: nghttp", base + "/b.txt", base + "/c.txt?q=1"));
        assertThat(connections).hasSize(1);
        Recorder r = connections.get(0);
        assertThat(r.problems).isEmpty();
        List<HttpExchange> pushed = r.exchanges.stream().filter(e -> e.pushedBy() != 0).toList();
        List<HttpExchange> requested = r.exchanges.stream().filter(e -> e.pushedBy() == 0).toList();
        assertThat(requested).extracting(HttpExchange::path).containsExactlyInAnyOrder("/b.txt", "/c.txt?q=1");
        assertThat(pushed).hasSize(1).allSatisfy(e -> {
            assertThat(e.path()).isEqualTo("/a.json");
            assertThat(e.sequence() % 2).isZero();
            assertThat(e.responseBody().bytes()).isEqualTo(PAGE);
        });
        HttpExchange b = requested.stream().filter(e -> e.path().equals("/b.txt")).findFirst().orElseThrow();
        assertThat(pushed.get(0).pushedBy()).isEqualTo(b.sequence());
        assertThat(r.exchanges).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.problems()).isEmpty();
        });
        assertThat(requested).allSatisfy(e -> assertThat(e.requestHeaders()).contains(new Header("x-phonehome", "nghttp")));
    }

    @Test
    void curlHttp2PriorKnowledgeAgainstNghttpd() throws Exception {
        List<Recorder> connections = curlAgainstNghttpd("--http2-prior-knowledge", "/a.json", "/b.txt?q=1");
        assertThat(connections).hasSize(2);
        HttpExchange first = connections.get(0).only();
        HttpExchange second = connections.get(1).only();
        assertThat(List.of(first, second)).extracting(e -> e.httpVersion() + " " + e.method() + " " + e.path() + " " + e.status())
                .containsExactly("HTTP/2 GET /a.json 200", "HTTP/2 GET /b.txt?q=1 200");
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.responseBody().bytes()).isEqualTo(PAGE);
        assertThat(Header.first(first.responseHeaders(), "content-length")).hasValue(String.valueOf(PAGE.length));
        assertThat(new String(second.responseBody().bytes(), StandardCharsets.UTF_8)).isEqualTo("second file\n");
        assertThat(List.of(first, second)).allSatisfy(e -> {
            assertThat(e.authority()).startsWith("127.0.0.1:");
            assertThat(e.scheme()).isEqualTo("http");
            assertThat(e.requestHeaders()).contains(new Header("x-phonehome", "h2"));
            assertThat(e.problems()).isEmpty();
        });
        assertThat(connections).allSatisfy(r -> assertThat(r.problems).isEmpty());
    }

    @Test
    void curlH2cUpgradeIgnoredByAnHttp11ServerStaysHttp11() throws Exception {
        requireTool("/usr/bin/curl");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serve(server, "/plain", Map.of(), PAGE, false);
        server.start();
        try (RecordingRelay relay = new RecordingRelay(server.getAddress().getPort())) {
            String url = "http://127.0.0.1:" + relay.port() + "/plain";
            run(dir, "/usr/bin/curl", "-sS", "--http2", "-o", "/dev/null", url, "-o", "/dev/null", url);
            Recorder r = relay.replay(Optional.empty()).get(0);
            assertThat(r.problems).isEmpty();
            assertThat(r.exchanges).hasSize(2);
            assertThat(Header.first(r.exchanges.get(0).requestHeaders(), "Upgrade")).hasValue("h2c");
            assertThat(r.exchanges).allSatisfy(e -> {
                assertThat(e.status()).isEqualTo(200);
                assertThat(e.upgrade()).isEmpty();
                assertThat(e.responseBody().bytes()).isEqualTo(PAGE);
            });
        } finally {
            server.stop(0);
        }
    }
}
