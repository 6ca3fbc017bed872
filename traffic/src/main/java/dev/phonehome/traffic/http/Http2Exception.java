package dev.phonehome.traffic.http;

import dev.phonehome.core.io.FormatException;

/**
 * A violation of HTTP/2 framing or semantics. Like Netty's stream/connection errors, the
 * scope says how much is poisoned: {@code streamId == 0} means the whole connection.
 */
public final class Http2Exception extends FormatException {
    private final Http2Error error;
    private final int streamId;

    private Http2Exception(Http2Error error, int streamId, long offset, String message) {
        super("HTTP/2 frame", offset, message);
        this.error = error;
        this.streamId = streamId;
    }

    static Http2Exception connection(Http2Error error, long offset, String message) {
        return new Http2Exception(error, 0, offset, message);
    }

    static Http2Exception stream(Http2Error error, int streamId, long offset, String message) {
        return new Http2Exception(error, streamId, offset, message);
    }

    public Http2Error error() {
        return error;
    }

    public int streamId() {
        return streamId;
    }

    public boolean isConnectionError() {
        return streamId == 0;
    }
}
