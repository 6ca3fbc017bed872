package dev.phonehome.traffic.http;

import java.util.List;
import java.util.Locale;

/** How an HTTP/1.x message body is delimited (RFC 9112 section 6.3). */
record Http1Framing(Kind kind, long length) {
    enum Kind { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    static final Http1Framing NONE = new Http1Framing(Kind.NONE, 0);

    static Http1Framing ofRequest(Http1Head head, long offset) throws Http1FormatException {
        if (head.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("Transfer-Encoding"))) {
            if (chunkedLast(head)) {
                return new Http1Framing(Kind.CHUNKED, 0);
            }
            throw new Http1FormatException("HTTP/1 request", offset, "Transfer-Encoding without final chunked");
        }
        return contentLength(head, offset, NONE);
    }

    static Http1Framing ofResponse(Http1Head head, String requestMethod, long offset) throws Http1FormatException {
        int s = head.status();
        if (requestMethod.equals("HEAD") || s < 200 || s == 204 || s == 304
                || (requestMethod.equals("CONNECT") && s < 300)) {
            return NONE;
        }
        if (head.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase("Transfer-Encoding"))) {
            return chunkedLast(head) ? new Http1Framing(Kind.CHUNKED, 0) : new Http1Framing(Kind.UNTIL_CLOSE, 0);
        }
        return contentLength(head, offset, new Http1Framing(Kind.UNTIL_CLOSE, 0));
    }

    private static boolean chunkedLast(Http1Head head) {
        List<String> codings = ContentDecoder.layersWithChunked(
                Header.joined(head.headers(), "Transfer-Encoding").orElse(""));
        return !codings.isEmpty() && codings.get(codings.size() - 1).equals("chunked");
    }

    /** Content-Length, allowing a repeated identical value; differing or non-numeric values are malformed. */
    private static Http1Framing contentLength(Http1Head head, long offset, Http1Framing absent) throws Http1FormatException {
        String joined = Header.joined(head.headers(), "Content-Length").orElse(null);
        if (joined == null) {
            return absent;
        }
        long value = -1;
        for (String part : joined.split(",")) {
            String v = part.trim().toLowerCase(Locale.ROOT);
            if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(Character::isDigit)) {
                throw new Http1FormatException("HTTP/1 header section", offset, "bad Content-Length '" + joined + "'");
            }
            long n = Long.parseLong(v);
            if (value >= 0 && n != value) {
                throw new Http1FormatException("HTTP/1 header section", offset, "conflicting Content-Length '" + joined + "'");
            }
            value = n;
        }
        return value == 0 ? NONE : new Http1Framing(Kind.LENGTH, value);
    }
}
