package dev.phonehome.traffic.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.phonehome.testkit.sample.SampleCapture;
import dev.phonehome.traffic.capture.KeyLog;
import dev.phonehome.traffic.flow.TrafficAnalyzer;
import dev.phonehome.traffic.flow.TrafficConnection;
import dev.phonehome.traffic.flow.TrafficReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wireshark reads the sample capture as phonehome does: tshark decrypts it with the secrets
 * embedded in the file alone and finds the same HTTP/1.1 and HTTP/2 requests, the packets have
 * valid checksums and clean TCP sequence numbers, and the DNS answers name every server.
 */
class SampleCaptureTsharkTest {
    @TempDir
    static Path dir;
    static Path capture;
    static TrafficReport ours;

    @BeforeAll
    static void generate() throws Exception {
        assumeTrue(tsharkRuns(), "tshark is not installed");
        SampleCapture.write(dir);
        capture = dir.resolve(SampleCapture.CAPTURE);
        ours = new TrafficAnalyzer().report(capture, KeyLog.empty());
    }

    @Test
    void tsharkDecryptsTheSameRequests() throws Exception {
        List<String> theirs = tshark("-Y", "http.request || http2.headers.method", "-T", "fields",
                "-e", "http.request.method", "-e", "http.host", "-e", "http.request.uri",
                "-e", "http2.headers.method", "-e", "http2.headers.authority", "-e", "http2.headers.path").stream()
                .map(line -> String.join(" ", List.of(line.split("\t")).stream().filter(f -> !f.isEmpty()).toList()))
                .toList();
        List<String> mine = ours.exchanges().stream().map(e -> e.method() + " " + e.host() + " " + e.path()).toList();
        assertThat(theirs).hasSize(6).isEqualTo(mine);
    }

    @Test
    void packetsHaveValidChecksumsAndNoTcpAnomalies() throws Exception {
        List<String> bad = tshark("-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
                "-o", "udp.check_checksum:TRUE", "-Y",
                "ip.checksum.status==0 || tcp.checksum.status==0 || udp.checksum.status==0 || tcp.analysis.flags",
                "-T", "fields", "-e", "frame.number");
        assertThat(bad).isEmpty();
        assertThat(tshark("-o", "tcp.check_checksum:TRUE", "-Y", "tcp.checksum.status==1", "-T", "fields",
                "-e", "frame.number")).hasSizeGreaterThan(50);
    }

    @Test
    void dnsAnswersNameEveryServer() throws Exception {
        List<String> answers = tshark("-Y", "dns.a", "-T", "fields", "-e", "dns.qry.name", "-e", "dns.a");
        List<String> servers = ours.connections().stream()
                .map(c -> c.serverName().orElseThrow() + "\t" + c.server().substring(0, c.server().lastIndexOf(':')))
                .toList();
        assertThat(answers).isEqualTo(servers);
        assertThat(ours.connections()).extracting(TrafficConnection::server)
                .allMatch(s -> s.startsWith("203.0.113.") || s.startsWith("198.51.100."));
    }

    private static boolean tsharkRuns() {
        try {
            Process p = new ProcessBuilder("tshark", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> tshark(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark", "-r", capture.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "tshark", ".out");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("tshark finishes").isTrue();
        assertThat(p.exitValue()).as("tshark exit code").isZero();
        return Files.readAllLines(out, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }
}
