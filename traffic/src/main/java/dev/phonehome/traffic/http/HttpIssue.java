package dev.phonehome.traffic.http;

import dev.phonehome.core.Problem;
import java.util.Locale;

/** Coded problems of the HTTP engine; reports branch on {@link #code()}. */
public enum HttpIssue {
    /** An HTTP/1.x request could not be parsed; the parser resynchronises at the next request line. */
    REQUEST_MALFORMED("http1.request.malformed"),
    /** An HTTP/1.x response could not be parsed; the parser resynchronises at the next status line. */
    RESPONSE_MALFORMED("http1.response.malformed"),
    /** A response arrived with no request to answer. */
    RESPONSE_UNSOLICITED("http1.response.unsolicited"),
    /** The connection ended before the response (or its end) was seen. */
    RESPONSE_MISSING("http.response.missing"),
    /** The connection ended in the middle of a request. */
    REQUEST_INCOMPLETE("http.request.incomplete"),
    /** Bytes were missing from the capture; HTTP/1.x resynchronised, HTTP/2 stopped. */
    CAPTURE_GAP("http.capture.gap"),
    /** The body was longer than the capture cap; the rest was counted, not kept. */
    BODY_CAPPED("http.body.capped"),
    /** Content decoding stopped at the decompression budget (size or ratio). */
    DECODE_BUDGET("http.body.decode_budget"),
    /** Content decoding failed; the encoded bytes are kept. */
    DECODE_ERROR("http.body.decode_error"),
    /** An HTTP/2 stream was poisoned; the code names the RFC 9113 error. */
    H2_STREAM_ERROR("http2.stream"),
    /** The HTTP/2 connection was poisoned; streams still open are closed with this problem. */
    H2_CONNECTION_ERROR("http2.connection"),
    /** A peer reset the stream (RST_STREAM). */
    H2_RESET("http2.reset");

    private final String code;

    HttpIssue(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    Problem problem(String subject, String message) {
        return new Problem(code, subject, message);
    }

    /** An HTTP/2 problem whose code carries the error name, e.g. {@code http2.stream.protocol_error}. */
    Problem problem(String subject, Http2Error error, String message) {
        return new Problem(code + "." + error.name().toLowerCase(Locale.ROOT), subject, message);
    }
}
