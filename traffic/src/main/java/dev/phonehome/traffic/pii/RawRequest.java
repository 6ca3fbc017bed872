package dev.phonehome.traffic.pii;

import dev.phonehome.traffic.flow.TrafficBody;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.http.Header;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A request as HTTP/1.1 text (request line, header lines, blank line, body as reported), for
 * the matcher's search of what the decoders did not open. HTTP/2 requests are written the same
 * way, since their HPACK bytes carry nothing a person could cite.
 */
final class RawRequest {
    private RawRequest() {
    }

    static byte[] of(TrafficExchange exchange) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        head.append(exchange.method()).append(' ').append(exchange.url()).append("\r\n");
        for (Header h : exchange.requestHeaders()) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        exchange.requestBody().map(TrafficBody::bytes).ifPresent(out::writeBytes);
        return out.toByteArray();
    }
}
