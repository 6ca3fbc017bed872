package dev.phonehome.traffic.http;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.nio.charset.StandardCharsets;

/**
 * Cuts one direction's bytes into HTTP/2 frames: the client's connection preface first, then
 * 9-byte headers and payloads no longer than the receiver's SETTINGS_MAX_FRAME_SIZE.
 */
final class Http2FrameReader {
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    static final int FRAME_HEADER = 9;
    static final int DEFAULT_MAX_FRAME_SIZE = 16_384;

    private final ByteQueue q = new ByteQueue();
    private boolean expectPreface;
    private int maxFrameSize = DEFAULT_MAX_FRAME_SIZE;

    Http2FrameReader(boolean expectPreface) {
        this.expectPreface = expectPreface;
    }

    ByteQueue queue() {
        return q;
    }

    /** The receiver announced a new SETTINGS_MAX_FRAME_SIZE. */
    void maxFrameSize(int size) {
        maxFrameSize = size;
    }

    /** The next whole frame, or null until more bytes arrive. */
    Http2Frame next() throws Http2Exception {
        if (expectPreface) {
            int n = Math.min(q.size(), PREFACE.length);
            for (int i = 0; i < n; i++) {
                if (q.at(i) != (PREFACE[i] & 0xFF)) {
                    throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, q.offset() + i, "bad connection preface");
                }
            }
            if (n < PREFACE.length) {
                return null;
            }
            q.consume(PREFACE.length);
            expectPreface = false;
        }
        if (q.size() < FRAME_HEADER) {
            return null;
        }
        try {
            ByteCursor h = ByteCursor.over(q.view(FRAME_HEADER), "HTTP/2 frame header");
            int length = (h.u8() << 16) | h.u16();
            int type = h.u8();
            int flags = h.u8();
            int streamId = h.s32() & 0x7FFF_FFFF;
            if (length > maxFrameSize) {
                throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, q.offset(),
                        "frame of " + length + " bytes over SETTINGS_MAX_FRAME_SIZE " + maxFrameSize);
            }
            if (q.size() < FRAME_HEADER + length) {
                return null;
            }
            long offset = q.offset();
            long ts = q.frontTimestamp();
            q.consume(FRAME_HEADER);
            byte[] payload = q.copy(length);
            q.consume(length);
            return new Http2Frame(type, flags, streamId, payload, offset, ts);
        } catch (Http2Exception e) {
            throw e;
        } catch (FormatException e) {
            throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, q.offset(), e.getMessage());
        }
    }
}
