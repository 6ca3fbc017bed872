package dev.phonehome.traffic.http;

/** HTTP/2 error codes (RFC 9113 section 7). */
public enum Http2Error {
    NO_ERROR, PROTOCOL_ERROR, INTERNAL_ERROR, FLOW_CONTROL_ERROR, SETTINGS_TIMEOUT, STREAM_CLOSED,
    FRAME_SIZE_ERROR, REFUSED_STREAM, CANCEL, COMPRESSION_ERROR, CONNECT_ERROR, ENHANCE_YOUR_CALM,
    INADEQUATE_SECURITY, HTTP_1_1_REQUIRED;

    /** The error for a wire code; unknown codes are treated as INTERNAL_ERROR as RFC 9113 allows. */
    static Http2Error of(long code) {
        return code >= 0 && code < values().length ? values()[(int) code] : INTERNAL_ERROR;
    }
}
