package dev.phonehome.traffic.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A loopback TCP relay (client to relay to server) that records every read of each connection in
 * the order the relay saw it, so a test can replay real peers' bytes into the parser.
 */
final class RecordingRelay implements AutoCloseable {
    /** One read from one side. */
    record Segment(boolean fromClient, byte[] bytes) {
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final List<List<Segment>> connections = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    RecordingRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
                List<Segment> segments = new ArrayList<>();
                synchronized (connections) {
                    connections.add(segments);
                }
                pump(client, server, true, segments);
                pump(server, client, false, segments);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient, List<Segment> segments) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    // Record before forwarding, so an answer is never recorded ahead of its question.
                    synchronized (segments) {
                        segments.add(new Segment(fromClient, Arrays.copyOf(buf, n)));
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // The peer closed; the other pump ends too.
            } finally {
                closeQuietly(to);
                closeQuietly(from);
            }
        }, "relay-pump");
        t.setDaemon(true);
        synchronized (threads) {
            threads.add(t);
        }
        t.start();
    }

    /** Waits for the connections to close, then replays each into a parser. */
    List<Recorder> replay(Optional<String> alpn) throws InterruptedException {
        List<Thread> snapshot;
        synchronized (threads) {
            snapshot = new ArrayList<>(threads);
        }
        for (Thread t : snapshot) {
            t.join(10_000);
        }
        List<Recorder> out = new ArrayList<>();
        synchronized (connections) {
            for (int i = 0; i < connections.size(); i++) {
                Recorder r = new Recorder();
                HttpConnectionParser p = new HttpConnectionParser("relay-" + i, alpn, r);
                long ts = 0;
                synchronized (connections.get(i)) {
                    for (Segment s : connections.get(i)) {
                        p.feed(s.fromClient(), ++ts, ByteBuffer.wrap(s.bytes()));
                    }
                }
                p.end();
                out.add(r);
            }
        }
        return out;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
