package dev.phonehome.traffic.flow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP CONNECT proxy on 127.0.0.1 for one tunnel at a time: reads the CONNECT head,
 * connects to the {@link #target} port on loopback whatever the requested host, answers 200 and relays.
 */
final class ConnectProxy implements AutoCloseable {
    private final ServerSocket server;
    private final Thread acceptor;
    private volatile int targetPort;

    ConnectProxy() throws IOException {
        this.server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::serve, "connect-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    void target(int port) {
        targetPort = port;
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept();
                 Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
                readHead(client.getInputStream());
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                Thread up = relay(client.getInputStream(), target.getOutputStream(), target);
                relay(target.getInputStream(), client.getOutputStream(), client).join();
                up.join();
            } catch (IOException | InterruptedException e) {
                return; // closed by the test
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("CONNECT head cut");
            }
            head.write(b);
        }
    }

    private static Thread relay(InputStream from, OutputStream to, Socket toSocket) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
                toSocket.shutdownOutput();
            } catch (IOException closed) {
                // the other side went away: the tunnel is over
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
