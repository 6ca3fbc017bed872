package dev.phonehome.traffic.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.phonehome.testkit.capture.CaptureWriter;
import dev.phonehome.traffic.capture.CaptureFile;
import dev.phonehome.traffic.capture.CaptureReader;
import dev.phonehome.traffic.capture.KeyLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Captures real loopback traffic with tcpdump while curl fetches from a local HTTP server, then
 * checks the reassembled streams against what was sent and against tshark's per-stream counts.
 */
class RealCaptureTest {
    static final int REQUESTS = 3;
    static HttpServer server;
    static HttpServer server6;
    static byte[] body;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() throws IOException {
        body = new byte[200_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + (i * 7 + i / 1000) % 26);
        }
        server = serve("127.0.0.1");
        server6 = serve("::1");
    }

    /** An HTTP server on a loopback address that answers every request with {@link #body}. */
    private static HttpServer serve(String loopback) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        s.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        s.start();
        return s;
    }

    @AfterAll
    static void stopServer() {
        for (HttpServer s : new HttpServer[] {server, server6}) {
            if (s != null) {
                s.stop(0);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource({
        "lo,micro,,false,false",          // Ethernet, microsecond pcap
        "lo,nano,,true,false",            // Ethernet, nanosecond pcap, gzip-compressed afterwards
        "any,micro,,false,false",         // Linux cooked v2
        "any,micro,LINUX_SLL,false,false", // Linux cooked v1
        "lo,micro,,false,true"            // IPv6 loopback
    })
    void reassemblesCurlFetchesLikeTshark(String iface, String precision, String linkType, boolean gzip,
                                          boolean ipv6) throws Exception {
        HttpServer target = ipv6 ? server6 : server;
        Path pcap = capture(iface, precision, linkType, target);
        Path input = pcap;
        if (gzip) {
            input = dir.resolve("capture.pcap.gz");
            Files.write(input, CaptureWriter.gzip(Files.readAllBytes(pcap)));
        }
        RecordingListener rec = decode(input);

        assertThat(rec.opened).hasSize(REQUESTS);
        for (Connection c : rec.opened) {
            assertThat(c.server()).isEqualTo(new Endpoint(target.getAddress().getAddress(), target.getAddress().getPort()));
            assertThat(rec.text(c.id(), Direction.CLIENT_TO_SERVER)).startsWith("GET / HTTP/1.1\r\n");
            byte[] response = rec.bytes(c.id(), Direction.SERVER_TO_CLIENT);
            String head = new String(response, 0, Math.min(response.length, 200), StandardCharsets.ISO_8859_1);
            assertThat(head).startsWith("HTTP/1.1 200 OK");
            int bodyStart = head.indexOf("\r\n\r\n") + 4;
            byte[] received = Arrays.copyOfRange(response, bodyStart, response.length);
            assertThat(received.length).as("body length").isEqualTo(body.length);
            assertThat(Arrays.mismatch(received, body)).as("first differing body byte").isEqualTo(-1);
        }
        assertThat(rec.closed).hasSize(REQUESTS);
        assertThat(payloadBytesPerConnection(rec)).isEqualTo(tsharkPayloadBytesPerStream(pcap));
    }

    @Test
    void editcapInjectedSecretsAreReadFromThePcapngDsb() throws Exception {
        assumeTrue(tool("editcap"), "editcap not installed");
        Path pcap = capture("lo", "micro", "", server);
        String random = "ab".repeat(32);
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "CLIENT_RANDOM " + random + " " + "cd".repeat(48) + "\n"
                + "CLIENT_TRAFFIC_SECRET_0 " + random + " " + "ef".repeat(32) + "\n");
        Path pcapng = dir.resolve("with-secrets.pcapng");
        run(List.of("editcap", "--inject-secrets", "tls," + keys, pcap.toString(), pcapng.toString()));

        try (CaptureReader r = CaptureFile.open(pcapng)) {
            RecordingListener rec = new RecordingListener();
            PacketDecoder decoder = new PacketDecoder(rec, rec);
            decoder.decodeAll(r);
            KeyLog log = r.embeddedKeyLog();
            assertThat(log.size()).isEqualTo(2);
            assertThat(log.secret("CLIENT_TRAFFIC_SECRET_0", java.util.HexFormat.of().parseHex(random)))
                    .hasValueSatisfying(s -> assertThat(s).hasSize(32));
            assertThat(r.problems()).isEmpty();
            assertThat(rec.opened).hasSize(REQUESTS);
            assertThat(payloadBytesPerConnection(rec)).isEqualTo(tsharkPayloadBytesPerStream(pcapng));
        }
    }

    private RecordingListener decode(Path file) throws Exception {
        RecordingListener rec = new RecordingListener();
        PacketDecoder decoder = new PacketDecoder(rec, rec);
        try (CaptureReader r = CaptureFile.open(file)) {
            decoder.decodeAll(r);
            assertThat(r.problems()).isEmpty();
        }
        assertThat(decoder.problems()).isEmpty();
        return rec;
    }

    private Path capture(String iface, String precision, String linkType, HttpServer target) throws Exception {
        assumeTrue(tool("tcpdump") && tool("curl") && tool("tshark"), "tcpdump, curl or tshark not installed");
        int port = target.getAddress().getPort();
        Path file = dir.resolve("capture-" + iface + "-" + precision + "-" + port + ".pcap");
        String host = target.getAddress().getAddress().getHostAddress();
        String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-i", iface, "-U", "-n", "-w", file.toString(),
                "--time-stamp-precision=" + precision));
        if (linkType != null && !linkType.isEmpty()) {
            cmd.addAll(List.of("-y", linkType));
        }
        cmd.addAll(List.of("tcp", "port", Integer.toString(port)));
        Process tcpdump = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            assumeTrue(awaitListening(tcpdump), "tcpdump cannot capture here (privileges?)");
            for (int i = 0; i < REQUESTS; i++) {
                run(List.of("curl", "-s", "-g", "-o", "/dev/null", url));
            }
            awaitQuiet(file);
        } finally {
            tcpdump.destroy();
            tcpdump.waitFor(10, TimeUnit.SECONDS);
        }
        return file;
    }

    /** Waits until tcpdump has written the last packets: the file stops growing for a second. */
    private static void awaitQuiet(Path file) throws Exception {
        long size = -1;
        int stable = 0;
        for (int i = 0; i < 100 && stable < 4; i++) {
            Thread.sleep(250);
            long now = Files.size(file);
            stable = now == size ? stable + 1 : 0;
            size = now;
        }
    }

    private static boolean awaitListening(Process p) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null) {
            if (line.contains("listening on")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (err.readLine() != null) {
                            // keep the pipe empty so that tcpdump never blocks
                        }
                    } catch (IOException e) {
                        // tcpdump exited
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return true;
            }
        }
        return false;
    }

    private static Map<Long, Long> payloadBytesPerConnection(RecordingListener rec) {
        Map<Long, Long> out = new TreeMap<>();
        for (Connection c : rec.opened) {
            out.put(c.id() - 1, (long) rec.bytes(c.id(), Direction.CLIENT_TO_SERVER).length
                    + rec.bytes(c.id(), Direction.SERVER_TO_CLIENT).length);
        }
        return out;
    }

    /**
     * tshark's per-stream sum of TCP payload lengths without the segments it flags as
     * retransmissions (loopback does retransmit when the receive window fills), which a
     * reassembled stream carries once.
     */
    private static Map<Long, Long> tsharkPayloadBytesPerStream(Path file) throws Exception {
        String out = run(List.of("tshark", "-n", "-2", "-r", file.toString(), "-R",
                "tcp.len > 0 and not tcp.analysis.retransmission and not tcp.analysis.fast_retransmission"
                        + " and not tcp.analysis.spurious_retransmission",
                "-T", "fields", "-e", "tcp.stream", "-e", "tcp.len"));
        Map<Long, Long> sums = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2) {
                sums.merge(Long.parseLong(f[0]), Long.parseLong(f[1]), Long::sum);
            }
        }
        return sums;
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("exit code of %s", cmd).isZero();
        return out;
    }

    private static boolean tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }
}
