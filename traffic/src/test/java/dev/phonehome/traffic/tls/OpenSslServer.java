package dev.phonehome.traffic.tls;

import java.io.File;
import java.io.IOException;
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

/** {@code openssl s_server} (by default {@code -WWW}) on 127.0.0.1 with a throw-away self-signed certificate, serving {@link #FILE}. */
final class OpenSslServer implements AutoCloseable {
    static final String FILE = "hello.txt";
    static final String BODY = "phonehome canary body 7f3a\n";
    private final Process process;
    private final int port;

    OpenSslServer(Path dir, String... extraArgs) throws IOException, InterruptedException {
        this(dir, true, extraArgs);
    }

    /** With {@code www} false the server only prints what it receives (needed for 0-RTT, which -WWW ignores). */
    OpenSslServer(Path dir, boolean www, String... extraArgs) throws IOException, InterruptedException {
        Files.writeString(dir.resolve(FILE), BODY, StandardCharsets.US_ASCII);
        if (!Files.exists(dir.resolve("cert.pem"))) {
            run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem",
                    "-out", "cert.pem", "-subj", "/CN=phonehome.test", "-days", "2");
        }
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-key", "key.pem", "-cert", "cert.pem", "-quiet"));
        if (www) {
            cmd.add("-WWW");
        }
        cmd.addAll(List.of(extraArgs));
        process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("s_server.log").toFile()).start();
        awaitListening();
    }

    int port() {
        return port;
    }

    static boolean available(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }

    static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(cmd[0] + ".log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " timed out");
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("s_server did not listen on " + port);
    }

    @Override
    public void close() {
        process.destroy();
    }
}
