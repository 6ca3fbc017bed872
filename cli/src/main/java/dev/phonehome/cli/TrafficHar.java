package dev.phonehome.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.phonehome.core.json.CanonicalJson;
import dev.phonehome.traffic.flow.TrafficBody;
import dev.phonehome.traffic.flow.TrafficConnection;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.flow.TrafficReport;
import dev.phonehome.traffic.privacy.PrivacyReport;
import dev.phonehome.traffic.http.Header;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decrypted exchanges as a HAR 1.2 log, for HAR viewers. Times that a capture does not give
 * (DNS, connect, wait) are 0; header and body sizes not measured are -1 as the format asks.
 * Binary bodies are base64 ({@code content.encoding}); HAR has no encoding for request bodies,
 * so a binary one carries the {@code _encoding} extension field. Entries are written as the
 * exchanges complete: {@code {"log": {"version", "creator", "entries": [...]}}}.
 */
final class TrafficHar implements TrafficOutput {
    record Creator(String name, String version) {
    }

    record Entry(String startedDateTime, double time, Request request, Response response, Map<String, Object> cache,
                 Map<String, Double> timings, Optional<String> serverIPAddress, String connection) {
    }

    record Request(String method, String url, String httpVersion, List<Pair> cookies, List<Pair> headers,
                   List<Pair> queryString, Optional<PostData> postData, long headersSize, long bodySize) {
    }

    record Response(int status, String statusText, String httpVersion, List<Pair> cookies, List<Pair> headers,
                    Content content, String redirectURL, long headersSize, long bodySize) {
    }

    record Pair(String name, String value) {
    }

    /** {@code text} is a String, or bytes written in base64 (see {@link TrafficBody#jsonText()}). */
    record PostData(String mimeType, Object text, Optional<String> _encoding) {
    }

    /** {@code text} is a String, or bytes written in base64 (see {@link TrafficBody#jsonText()}). */
    record Content(long size, String mimeType, Optional<Object> text, Optional<String> encoding) {
    }

    /** A capture gives packet times, not the browser's phases: the required ones are 0. */
    private static final Map<String, Double> NO_TIMINGS = Map.of("send", 0.0, "wait", 0.0, "receive", 0.0);

    private final OutputStream out;
    private final JsonGenerator json;

    /** @param version phonehome's version, for {@code log.creator} */
    TrafficHar(OutputStream out, String version) throws IOException {
        this.out = out;
        this.json = CanonicalJson.generator(out);
        json.writeStartObject();
        json.writeObjectFieldStart("log");
        json.writeStringField("version", "1.2");
        json.writeFieldName("creator");
        CanonicalJson.writeValue(json, new Creator("phonehome", version));
        json.writeArrayFieldStart("entries");
    }

    @Override
    public void exchange(TrafficExchange x) throws IOException {
        CanonicalJson.writeValue(json, entry(x));
    }

    @Override
    public void end(TrafficReport report, List<TrafficConnection> connections, long exchanges,
                    Optional<PrivacyReport> privacy) throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        CanonicalJson.finish(json, out);
    }

    static Entry entry(TrafficExchange x) {
        Optional<TrafficBody> rq = x.requestBody();
        Optional<TrafficBody> rs = x.responseBody();
        Request request = new Request(x.method(), x.url(), x.httpVersion(), List.of(), pairs(x.requestHeaders()),
                query(x.url()), rq.map(b -> new PostData(b.contentType().orElse(""), b.jsonText(), base64(b))),
                -1, rq.map(TrafficBody::size).orElse(0L));
        Content content = new Content(rs.map(TrafficBody::size).orElse(0L),
                rs.flatMap(TrafficBody::contentType).orElse(""), rs.map(TrafficBody::jsonText), rs.flatMap(TrafficHar::base64));
        Response response = new Response(x.status(), "", x.httpVersion(), List.of(), pairs(x.responseHeaders()),
                content, Header.first(x.responseHeaders(), "location").orElse(""), -1,
                rs.map(TrafficBody::size).orElse(x.status() == 0 ? -1L : 0L));
        return new Entry(x.time(), 0, request, response, Map.of(), NO_TIMINGS, address(x.server()),
                x.connectionId());
    }

    private static Optional<String> base64(TrafficBody b) {
        return b.encoding().equals(TrafficBody.BASE64) ? Optional.of("base64") : Optional.empty();
    }

    private static List<Pair> pairs(List<Header> headers) {
        return headers.stream().map(h -> new Pair(h.name(), h.value())).toList();
    }

    /** The query string's fields as sent (not percent-decoded). */
    private static List<Pair> query(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return List.of();
        }
        int hash = url.indexOf('#', q);
        List<Pair> out = new ArrayList<>();
        for (String field : url.substring(q + 1, hash < 0 ? url.length() : hash).split("&")) {
            if (!field.isEmpty()) {
                int eq = field.indexOf('=');
                out.add(eq < 0 ? new Pair(field, "") : new Pair(field.substring(0, eq), field.substring(eq + 1)));
            }
        }
        return out;
    }

    /** The server's IP address without the port; empty when the server is only known by name (HAR input). */
    private static Optional<String> address(String server) {
        int colon = server.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        if (!server.startsWith("[") && server.indexOf(':') != colon) {
            return Optional.of(server); // a bare IPv6 address
        }
        String host = server.substring(0, colon);
        return Optional.of(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    }
}
