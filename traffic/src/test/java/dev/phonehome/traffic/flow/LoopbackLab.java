package dev.phonehome.traffic.flow;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real peers on 127.0.0.1 for end-to-end tests: TLS servers ({@code openssl s_server -WWW},
 * {@code nghttpd}), {@code curl} clients logging their secrets to {@link #keyLog()}, and
 * {@code tcpdump} recording loopback into {@link #pcap()}. Every process started is destroyed on
 * {@link #close()}.
 */
public final class LoopbackLab implements AutoCloseable {
    static final String HOST = "phonehome.test";
    private static final long TIMEOUT_SECONDS = 30;

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private Process tcpdump;

    public LoopbackLab(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
                "-subj", "/CN=" + HOST, "-days", "2");
    }

    public static boolean available(String... tools) {
        return Stream.of(tools).allMatch(tool -> Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool))));
    }

    Path dir() {
        return dir;
    }

    public Path pcap() {
        return dir.resolve("cap.pcap");
    }

    public Path keyLog() {
        return dir.resolve("keys.txt");
    }

    /** A fresh loopback port nobody listens on. */
    int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ports.add(probe.getLocalPort());
            return probe.getLocalPort();
        }
    }

    /** Includes a port opened elsewhere (by the test itself) in the capture. */
    void freePortUsed(int port) {
        ports.add(port);
    }

    /** {@code openssl s_server -WWW} serving {@link #dir()}; returns its port. */
    int opensslWww() throws IOException, InterruptedException {
        int port = freePort();
        start(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-key", "key.pem", "-cert", "cert.pem",
                "-quiet", "-WWW"), "s_server-" + port);
        awaitListening(port);
        return port;
    }

    /** {@code nghttpd} (HTTP/2 over TLS) serving {@link #dir()}; returns its port. */
    public int nghttpd() throws IOException, InterruptedException {
        int port = freePort();
        start(List.of("nghttpd", "--address=127.0.0.1", "-d", dir.toString(), String.valueOf(port), "key.pem",
                "cert.pem"), "nghttpd-" + port);
        awaitListening(port);
        return port;
    }

    /** Records loopback traffic of every port handed out so far; returns once tcpdump listens. */
    public void startCapture() throws IOException {
        List<String> filter = new ArrayList<>();
        for (int p : ports) {
            filter.add("port " + p);
        }
        tcpdump = new ProcessBuilder("tcpdump", "-i", "lo", "-U", "--immediate-mode", "-w", pcap().toString(),
                String.join(" or ", filter)).redirectOutput(dir.resolve("tcpdump.out").toFile()).start();
        processes.add(tcpdump);
        BufferedReader err = new BufferedReader(new InputStreamReader(tcpdump.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null && !line.contains("listening on")) {
            // tcpdump prints warnings before it listens
        }
        if (line == null) {
            throw new IOException("tcpdump ended before listening");
        }
    }

    /** Stops tcpdump, which flushes the capture file. */
    public void stopCapture() throws InterruptedException, IOException {
        Thread.sleep(200); // let the last FIN/ACK segments reach the capture
        tcpdump.destroy();
        if (!tcpdump.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IOException("tcpdump did not stop");
        }
    }

    /** {@code curl} to {@code scheme://phonehome.test:port/path} (resolved to 127.0.0.1), TLS secrets logged. */
    void curl(String scheme, int port, String path, String... options) throws IOException, InterruptedException {
        curl(keyLog(), scheme, port, path, options);
    }

    /** As {@link #curl(String, int, String, String...)}, logging the secrets to {@code keyLogFile}. */
    void curl(Path keyLogFile, String scheme, int port, String path, String... options)
            throws IOException, InterruptedException {
        curl(keyLogFile, HOST, scheme, port, path, options);
    }

    /** As {@link #curl(String, int, String, String...)} to {@code host} instead of {@value #HOST}, also resolved to 127.0.0.1. */
    public void curl(String host, String scheme, int port, String path, String... options)
            throws IOException, InterruptedException {
        curl(keyLog(), host, scheme, port, path, options);
    }

    private void curl(Path keyLogFile, String host, String scheme, int port, String path, String... options)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sk", "--max-time", "10", "--resolve",
                host + ":" + port + ":127.0.0.1", "-o", "/dev/null"));
        cmd.addAll(List.of(options));
        cmd.add(scheme + "://" + host + ":" + port + path);
        ProcessBuilder b = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("curl.log").toFile());
        b.environment().put("SSLKEYLOGFILE", keyLogFile.toString());
        await(b.start(), "curl");
    }

    /** Runs a tool in {@link #dir()} and returns its standard output. */
    String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(dir.resolve(cmd[0] + ".err").toFile())
                .start();
        processes.add(p);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        await(p, cmd[0]);
        return out;
    }

    private void start(List<String> cmd, String log) throws IOException {
        processes.add(new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log + ".log").toFile()).start());
    }

    private static void await(Process p, String what) throws IOException, InterruptedException {
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(what + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new IOException(what + " exited with " + p.exitValue());
        }
    }

    static void awaitListening(int port) throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(25);
            }
        }
        throw new IOException("nothing listens on " + port);
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroyForcibly();
        }
    }
}
