package dev.phonehome.traffic.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.http.Header;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HAR from a real producer: Debian's mitmproxy ({@code mitmdump} with the {@code har_dump.py}
 * addon its package ships) as a proxy on 127.0.0.1, curl through it to a local server, and
 * phonehome reading the HAR mitmproxy writes when it shuts down.
 */
class MitmproxyHarTest {
    /** Where Debian's mitmproxy package puts the contrib addon (mitmproxy 8 has no built-in HAR option). */
    private static final Path HAR_DUMP = Path.of("/usr/share/doc/mitmproxy/examples/contrib/har_dump.py");
    private static final byte[] BLOB = random(1, 3000);
    private static final byte[] UPLOAD = random(2, 200);

    @TempDir
    Path dir;

    @Test
    void readsTheHarMitmproxyWrites() throws Exception {
        assumeTrue(LoopbackLab.available("mitmdump", "curl") && Files.isReadable(HAR_DUMP),
                "mitmproxy (mitmdump and " + HAR_DUMP + ") or curl not installed: apt-get install mitmproxy curl");
        HttpServer server = server();
        Path har = dir.resolve("mitm.har");
        int proxy = freePort();
        Process mitm = new ProcessBuilder("mitmdump", "--listen-host", "127.0.0.1", "--listen-port", String.valueOf(proxy),
                "--set", "confdir=" + dir.resolve("mitmproxy"), "-s", HAR_DUMP.toString(), "--set", "hardump=" + har)
                .redirectErrorStream(true).redirectOutput(dir.resolve("mitmdump.log").toFile()).start();
        try {
            LoopbackLab.awaitListening(proxy);
            String origin = "http://127.0.0.1:" + server.getAddress().getPort();
            Files.write(dir.resolve("upload.bin"), UPLOAD);
            curl(proxy, origin + "/text?lang=zh");
            curl(proxy, origin + "/blob");
            curl(proxy, origin + "/form", "--data", "imei=358&model=MI");
            curl(proxy, origin + "/upload", "-H", "Content-Type: application/octet-stream",
                    "--data-binary", "@upload.bin");
            curl(proxy, origin + "/missing");
        } finally {
            mitm.destroy(); // SIGTERM: mitmdump shuts down and har_dump writes the file
            assertThat(mitm.waitFor(20, TimeUnit.SECONDS)).as("mitmdump stopped").isTrue();
            server.stop(0);
        }
        assertThat(har).as(Files.readString(dir.resolve("mitmdump.log"))).exists();

        TrafficReport r = new TrafficAnalyzer().report(har, KeyLog.empty());
        assertThat(r.problems()).isEmpty();
        assertThat(r.capture().format()).isEqualTo(CaptureDescription.HAR);
        String origin = "http://127.0.0.1:" + server.getAddress().getPort();
        assertThat(r.exchanges()).extracting(TrafficExchange::method, TrafficExchange::url, TrafficExchange::status)
                .containsExactly(
                        Tuple.tuple("GET", origin + "/text?lang=zh", 200),
                        Tuple.tuple("GET", origin + "/blob", 200),
                        Tuple.tuple("POST", origin + "/form", 201),
                        Tuple.tuple("POST", origin + "/upload", 201),
                        Tuple.tuple("GET", origin + "/missing", 404));
        List<TrafficExchange> x = r.exchanges();
        assertThat(x.get(0).responseBody().orElseThrow().text()).isEqualTo("维吾尔语 text\n");
        assertThat(Header.first(x.get(0).responseHeaders(), "content-type")).contains("text/plain; charset=utf-8");
        TrafficBody blob = x.get(1).responseBody().orElseThrow();
        assertThat(blob.encoding()).isEqualTo(TrafficBody.BASE64);
        assertThat(blob.bytes()).isEqualTo(BLOB);
        assertThat(x.get(2).requestBody().orElseThrow().text()).isEqualTo("imei=358&model=MI");
        assertThat(x.get(2).responseBody().orElseThrow().text()).isEqualTo("{\"received\":17}");
        assertThat(x.get(3).responseBody().orElseThrow().text()).isEqualTo("{\"received\":" + UPLOAD.length + "}");
        // har_dump.py has no base64 for request bodies: it writes a binary one as decoded text, so
        // phonehome can only keep the UTF-8 bytes of that text (reported as base64: not text).
        String upload = CanonicalJson.mapper().readTree(har.toFile()).at("/log/entries/3/request/postData/text").asText();
        TrafficBody sent = x.get(3).requestBody().orElseThrow();
        assertThat(sent.encoding()).isEqualTo(TrafficBody.BASE64);
        assertThat(sent.bytes()).isEqualTo(upload.getBytes(StandardCharsets.UTF_8)).isNotEqualTo(UPLOAD);
        assertThat(x.get(4).responseBody()).isEmpty();
        assertThat(r.connections()).isNotEmpty().allSatisfy(c -> assertThat(c.server()).startsWith("127.0.0.1"));
    }

    /** GET /text (UTF-8 text), GET /blob (binary), POST anything (201 with the byte count), else 404. */
    private static HttpServer server() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", e -> {
            String path = e.getRequestURI().getPath();
            if (e.getRequestMethod().equals("POST")) {
                int n = e.getRequestBody().readAllBytes().length;
                reply(e, 201, "application/json", ("{\"received\":" + n + "}").getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/text")) {
                reply(e, 200, "text/plain; charset=utf-8", "维吾尔语 text\n".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/blob")) {
                reply(e, 200, "application/octet-stream", BLOB);
            } else {
                e.sendResponseHeaders(404, -1);
                e.close();
            }
        });
        s.start();
        return s;
    }

    private static void reply(HttpExchange e, int status, String type, byte[] body) throws IOException {
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }

    private void curl(int proxy, String url, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "--max-time", "10",
                "-x", "http://127.0.0.1:" + proxy));
        cmd.addAll(List.of(options));
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("curl " + url).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static byte[] random(int seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        b[0] = 0;
        return b;
    }
}
