package dev.phonehome.traffic.http;

import java.util.List;

/**
 * A parsed HTTP/1.x start line and header section.
 *
 * @param method  request method, empty for a response
 * @param target  request target, empty for a response
 * @param version e.g. {@code HTTP/1.1}
 * @param status  response status, 0 for a request
 * @param reason  response reason phrase
 */
record Http1Head(String method, String target, String version, int status, String reason, List<Header> headers) {
    boolean isRequest() {
        return status == 0;
    }

    boolean hasToken(String headerName, String token) {
        return Header.joined(headers, headerName).map(v -> {
            for (String t : v.split(",")) {
                if (t.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }
}
