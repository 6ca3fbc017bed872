package dev.phonehome.traffic.http;

import dev.phonehome.core.Problem;
import java.util.List;
import java.util.Objects;

/**
 * One request and its response, as reconstructed from a capture (HTTP/1.x, HTTP/2) or read from
 * a HAR file. Fields of a side that was never seen are empty ({@code status == 0} means no
 * response); what went wrong is in {@link #problems()}, never thrown.
 *
 * @param id                stable identifier: a hash of the connection key and {@link #sequence()}
 * @param connectionKey     the caller's name for the connection
 * @param sequence          HTTP/2 stream id, or the request's index on an HTTP/1.x connection
 * @param requestTimeNanos  timestamp of the packet that carried the request's first byte
 * @param responseTimeNanos timestamp of the packet that carried the final response's first byte, 0 without one
 * @param httpVersion       {@code "HTTP/1.1"}, {@code "HTTP/1.0"} or {@code "HTTP/2"}
 * @param scheme            {@code :scheme} for HTTP/2, empty for HTTP/1.x (the caller knows whether TLS was used)
 * @param authority         {@code :authority}, or the Host header, or the CONNECT target
 * @param path              request target as sent
 * @param interimStatuses   1xx responses that preceded the final one (100 Continue, 103 Early Hints)
 * @param reason            the HTTP/1.x reason phrase, empty for HTTP/2
 * @param upgrade           what the connection became after this exchange: {@code "websocket"},
 *                          {@code "h2c"}, {@code "tunnel"} (CONNECT), or empty
 * @param pushedBy          stream id of the request that promised this one (server push), 0 if not pushed
 */
public record HttpExchange(
        String id, String connectionKey, long sequence,
        long requestTimeNanos, long responseTimeNanos, String httpVersion,
        String method, String scheme, String authority, String path,
        List<Header> requestHeaders, Body requestBody, List<Header> requestTrailers,
        List<Integer> interimStatuses, int status, String reason,
        List<Header> responseHeaders, Body responseBody, List<Header> responseTrailers,
        String upgrade, long pushedBy, List<Problem> problems) {

    public HttpExchange {
        Objects.requireNonNull(id, "id");
        requestHeaders = List.copyOf(requestHeaders);
        requestTrailers = List.copyOf(requestTrailers);
        interimStatuses = List.copyOf(interimStatuses);
        responseHeaders = List.copyOf(responseHeaders);
        responseTrailers = List.copyOf(responseTrailers);
        problems = List.copyOf(problems);
    }

    public boolean hasResponse() {
        return status != 0;
    }
}
