package dev.phonehome.traffic.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A one-connection TCP relay on 127.0.0.1 that records both byte streams with capture-order
 * timestamps, standing in for a packet capture in tests.
 */
final class LoopbackRelay implements AutoCloseable {
    /** One read from one side, as a capture would hold a TCP segment's payload. */
    record Chunk(boolean fromClient, long nanos, byte[] bytes) {
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Chunk> chunks = new ArrayList<>();
    private final Thread acceptor;

    LoopbackRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::relayOne, "relay-" + listener.getLocalPort());
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Waits for the relayed connection to finish and returns its chunks in capture order. */
    List<Chunk> chunks() throws InterruptedException {
        acceptor.join(30_000);
        synchronized (chunks) {
            return List.copyOf(chunks);
        }
    }

    private void relayOne() {
        try (Socket downstream = listener.accept();
             Socket upstream = new Socket()) {
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5_000);
            Thread up = pipe(downstream, upstream, true);
            Thread down = pipe(upstream, downstream, false);
            up.join();
            down.join();
        } catch (IOException | InterruptedException e) {
            synchronized (chunks) {
                chunks.clear(); // an unusable capture: the test's assertions will fail on it
            }
        }
    }

    private Thread pipe(Socket from, Socket to, boolean fromClient) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (chunks) {
                        chunks.add(new Chunk(fromClient, System.nanoTime(), Arrays.copyOf(buf, n)));
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(to);
            }
        });
        t.start();
        return t;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed by the peer
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
