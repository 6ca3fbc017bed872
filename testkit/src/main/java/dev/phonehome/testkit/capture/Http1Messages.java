package dev.phonehome.testkit.capture;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** HTTP/1.1 wire form of an {@link HttpExchangeSpec}. */
final class Http1Messages {
    private static final Map<Integer, String> REASONS = Map.of(200, "OK", 204, "No Content", 201, "Created");

    private Http1Messages() {
    }

    static byte[] request(String host, HttpExchangeSpec e) {
        StringBuilder head = new StringBuilder(e.method()).append(' ').append(e.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n");
        return message(head, e.requestHeaders(), e.requestBody(), !e.method().equals("GET"));
    }

    static byte[] response(HttpExchangeSpec e) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(e.status()).append(' ')
                .append(REASONS.getOrDefault(e.status(), "Status")).append("\r\n");
        return message(head, e.responseHeaders(), e.responseBody(), e.status() != 204);
    }

    private static byte[] message(StringBuilder head, List<HttpHeader> headers, byte[] body, boolean length) {
        headers.forEach(h -> head.append(h.name()).append(": ").append(h.value()).append("\r\n"));
        if (length) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
