package dev.phonehome.traffic.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures a curl/openssl connection with tcpdump on loopback and checks that this engine and
 * Wireshark's (tshark with the same key log) decrypt the same HTTP request. The TCP payloads
 * come from tshark's own dissection, so this test does not depend on phonehome's pcap reader.
 */
class TsharkCrossCheckTest {
    private static final int PCAP_HEADER_LENGTH = 24;

    @TempDir
    Path dir;

    @Test
    void requestLineMatchesTshark() throws Exception {
        assumeTrue(OpenSslServer.available("tcpdump") && OpenSslServer.available("tshark")
                && OpenSslServer.available("curl") && OpenSslServer.available("openssl"), "tcpdump, tshark, curl, openssl");
        try (OpenSslServer server = new OpenSslServer(dir)) {
            capture(server.port());
            List<String> payloads = tshark("-Y", "tcp.len>0", "-T", "fields", "-e", "tcp.srcport", "-e", "tcp.payload");
            assumeTrue(!payloads.isEmpty(), "tcpdump captured nothing (no capture privilege?)");

            CapturedConnection ours = new CapturedConnection(KeyLogSecrets.read(dir.resolve("keys.txt")))
                    .replay(chunks(payloads, server.port()), Integer.MAX_VALUE);
            List<String> theirs = tshark("-o", "tls.keylog_file:" + dir.resolve("keys.txt"),
                    "-d", "tcp.port==" + server.port() + ",tls", "-Y", "http.request", "-T", "fields",
                    "-e", "http.request.method", "-e", "http.request.uri", "-e", "http.request.version");

            assertThat(theirs).singleElement().satisfies(line -> assertThat(ours.client())
                    .startsWith(line.replace('\t', ' ') + "\r\n"));
            // s_server answers without Content-Length: Wireshark only labels the response with body desegmentation off.
            List<String> theirResponse = tshark("-o", "tls.keylog_file:" + dir.resolve("keys.txt"),
                    "-o", "http.desegment_body:FALSE", "-d", "tcp.port==" + server.port() + ",tls", "-Y", "http.response", "-T", "fields",
                    "-e", "http.response.code");
            assumeTrue(!theirResponse.isEmpty(), "the capture lost the response (tcpdump lagging on a loaded machine)");
            assertThat(ours.server()).startsWith("HTTP/1.0 " + theirResponse.get(0)).endsWith(OpenSslServer.BODY);
        }
    }

    private void capture(int port) throws Exception {
        Path log = dir.resolve("tcpdump.log");
        Process tcpdump = new ProcessBuilder("tcpdump", "-i", "lo", "-U", "-Z", "root", "-w", "cap.pcap",
                "tcp port " + port).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            for (int i = 0; i < 100 && !Files.readString(log).contains("listening on"); i++) {
                assumeTrue(tcpdump.isAlive(), "tcpdump cannot capture on lo");
                Thread.sleep(50);
            }
            ProcessBuilder curl = new ProcessBuilder("curl", "-sk", "--http1.1", "-o", "out.txt",
                    "https://127.0.0.1:" + port + "/" + OpenSslServer.FILE)
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("curl.log").toFile());
            curl.environment().put("SSLKEYLOGFILE", dir.resolve("keys.txt").toString());
            assertThat(curl.start().waitFor(30, TimeUnit.SECONDS)).isTrue();
            awaitStableSize(dir.resolve("cap.pcap"));
        } finally {
            tcpdump.destroy();
            tcpdump.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** tcpdump -U writes each packet as it reads it; on a loaded machine that lags behind the connection. */
    private static void awaitStableSize(Path pcap) throws IOException, InterruptedException {
        long last = -1;
        int quiet = 0;
        for (int i = 0; i < 80 && quiet < 6; i++) {
            Thread.sleep(250);
            long size = Files.exists(pcap) ? Files.size(pcap) : 0;
            quiet = size > PCAP_HEADER_LENGTH && size == last ? quiet + 1 : 0;
            last = size;
        }
    }

    private List<String> tshark(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-r", "cap.pcap"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("tshark.out");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(dir.resolve("tshark.err").toFile())
                .redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    private static List<LoopbackRelay.Chunk> chunks(List<String> lines, int serverPort) {
        List<LoopbackRelay.Chunk> out = new ArrayList<>();
        long t = 0;
        for (String line : lines) {
            String[] fields = line.split("\t");
            boolean fromClient = Integer.parseInt(fields[0]) != serverPort;
            out.add(new LoopbackRelay.Chunk(fromClient, t++, HexFormat.of().parseHex(fields[1].replace(":", ""))));
        }
        return out;
    }
}
