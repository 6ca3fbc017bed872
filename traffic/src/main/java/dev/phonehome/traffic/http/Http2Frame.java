package dev.phonehome.traffic.http;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;

/**
 * One HTTP/2 frame (RFC 9113 section 4.1).
 *
 * @param offset where the frame header starts in its direction's byte stream
 */
record Http2Frame(int type, int flags, int streamId, byte[] payload, long offset, long timestampNanos) {
    static final int DATA = 0x0;
    static final int HEADERS = 0x1;
    static final int PRIORITY = 0x2;
    static final int RST_STREAM = 0x3;
    static final int SETTINGS = 0x4;
    static final int PUSH_PROMISE = 0x5;
    static final int PING = 0x6;
    static final int GOAWAY = 0x7;
    static final int WINDOW_UPDATE = 0x8;
    static final int CONTINUATION = 0x9;

    static final int END_STREAM = 0x1;
    static final int ACK = 0x1;
    static final int END_HEADERS = 0x4;
    static final int PADDED = 0x8;
    static final int PRIORITY_FLAG = 0x20;

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    ByteCursor cursor() {
        return ByteCursor.bigEndian(payload, "HTTP/2 frame type " + type + " on stream " + streamId);
    }

    /** The payload without padding (DATA, HEADERS, PUSH_PROMISE when PADDED). */
    ByteCursor unpadded() throws Http2Exception {
        if (!has(PADDED)) {
            return cursor();
        }
        if (payload.length < 1 || (payload[0] & 0xFF) >= payload.length) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, offset,
                    "padding of " + (payload.length < 1 ? "?" : payload[0] & 0xFF) + " bytes in a "
                            + payload.length + "-byte payload");
        }
        int pad = payload[0] & 0xFF;
        try {
            return cursor().sliceAt(1, payload.length - 1 - pad, "HTTP/2 unpadded payload");
        } catch (FormatException e) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, offset, e.getMessage());
        }
    }
}
