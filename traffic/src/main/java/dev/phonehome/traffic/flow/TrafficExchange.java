package dev.phonehome.traffic.flow;

import dev.phonehome.core.Problem;
import dev.phonehome.traffic.http.Header;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One decrypted (or clear-text) HTTP request and its response, with where it went and which
 * app sent it: the unit of evidence later stages decode and assess.
 *
 * @param id               stable identifier (same capture, same id)
 * @param connectionId     the {@link TrafficConnection#id()} that carried it
 * @param time             capture time of the request's first byte, ISO 8601 UTC
 * @param app              Android package that owned the connection, when the capture records it
 * @param client           client {@code address:port}; empty when unknown (HAR)
 * @param server           server {@code address:port}, or the host when the address is unknown (HAR)
 * @param serverName       the connection's server name (see {@code serverNameSource})
 * @param tls              the TLS layer the exchange was decrypted from; empty for clear text
 * @param status           final response status, 0 when no response was seen
 * @param requestBody      empty when the request had no body
 * @param responseBody     empty when the response had no body (or none was seen)
 */
public record TrafficExchange(String id, String connectionId, String time, Optional<String> app, String client,
                              String server, Optional<String> serverName, Optional<ServerNameSource> serverNameSource,
                              Optional<TlsSummary> tls, String httpVersion, String method, String url, int status,
                              List<Header> requestHeaders, Optional<TrafficBody> requestBody,
                              List<Header> responseHeaders, Optional<TrafficBody> responseBody,
                              List<Problem> problems) {
    public TrafficExchange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
        problems = List.copyOf(problems);
    }

    /** The host part of {@link #url()} (without port), lower case; empty when the URL has none. */
    public String host() {
        return Urls.host(url);
    }

    /** The port of {@link #url()}: explicit, else the scheme's default. */
    public int port() {
        return Urls.port(url);
    }

    /** Path and query of {@link #url()}. */
    public String path() {
        return Urls.pathAndQuery(url);
    }
}
