package dev.phonehome.traffic.http;

import dev.phonehome.core.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Collects everything a parser reports, for assertions. */
final class Recorder implements HttpListener {
    final List<HttpExchange> exchanges = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final ByteArrayOutputStream tunnelFromClient = new ByteArrayOutputStream();
    final ByteArrayOutputStream tunnelFromServer = new ByteArrayOutputStream();
    final List<String> tunnelOpeners = new ArrayList<>();
    long tunnelGapBytes;

    @Override
    public void onExchange(HttpExchange exchange) {
        exchanges.add(exchange);
    }

    @Override
    public void onTunnel(HttpExchange opener, boolean fromClient, long timestampNanos, ByteBuffer bytes) {
        if (!tunnelOpeners.contains(opener.id())) {
            tunnelOpeners.add(opener.id());
        }
        byte[] b = new byte[bytes.remaining()];
        bytes.get(b);
        (fromClient ? tunnelFromClient : tunnelFromServer).write(b, 0, b.length);
    }

    @Override
    public void onTunnelGap(HttpExchange opener, boolean fromClient, long missing) {
        tunnelGapBytes += missing;
    }

    @Override
    public void onProblem(Problem problem) {
        problems.add(problem);
    }

    HttpExchange only() {
        if (exchanges.size() != 1) {
            throw new AssertionError("expected one exchange, got " + exchanges);
        }
        return exchanges.get(0);
    }

    /** A comparable summary of everything reported. */
    String summary() {
        return exchanges + "|" + problems + "|" + tunnelOpeners + "|" + tunnelFromClient + "|" + tunnelFromServer
                + "|" + tunnelGapBytes;
    }
}
