package dev.phonehome.traffic.http;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;

/** Applies a SETTINGS frame to what an observer must track: frame size and HPACK table capacity. */
final class Http2Settings {
    private static final int HEADER_TABLE_SIZE = 0x1;
    private static final int ENABLE_PUSH = 0x2;
    private static final int INITIAL_WINDOW_SIZE = 0x4;
    private static final int MAX_FRAME_SIZE = 0x5;
    private static final int MAX_FRAME_SIZE_LIMIT = 16_777_215;
    private static final int SETTING_BYTES = 6;

    private Http2Settings() {
    }

    /**
     * Settings tell the peer how to talk to the sender, so they bind {@code peer}, the direction
     * opposite to the frame's.
     */
    static void apply(Http2Frame f, Http2Direction peer) throws FormatException {
        if (f.has(Http2Frame.ACK)) {
            if (f.payload().length != 0) {
                throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, f.offset(), "SETTINGS ACK with a payload");
            }
            return;
        }
        if (f.payload().length % SETTING_BYTES != 0) {
            throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, f.offset(),
                    "SETTINGS payload of " + f.payload().length + " bytes is not a multiple of 6");
        }
        ByteCursor c = f.cursor();
        while (c.remaining() > 0) {
            int id = c.u16();
            long value = c.u32();
            switch (id) {
                case HEADER_TABLE_SIZE -> peer.hpack.tableCapacity(value);
                case ENABLE_PUSH -> check(value <= 1, f, Http2Error.PROTOCOL_ERROR, "ENABLE_PUSH " + value);
                case INITIAL_WINDOW_SIZE -> check(value <= Integer.MAX_VALUE, f, Http2Error.FLOW_CONTROL_ERROR,
                        "INITIAL_WINDOW_SIZE " + value);
                case MAX_FRAME_SIZE -> {
                    check(value >= Http2FrameReader.DEFAULT_MAX_FRAME_SIZE && value <= MAX_FRAME_SIZE_LIMIT, f,
                            Http2Error.PROTOCOL_ERROR, "MAX_FRAME_SIZE " + value);
                    peer.reader.maxFrameSize((int) value);
                }
                default -> {
                    // Other settings do not change how the bytes parse.
                }
            }
        }
    }

    private static void check(boolean ok, Http2Frame f, Http2Error error, String message) throws Http2Exception {
        if (!ok) {
            throw Http2Exception.connection(error, f.offset(), message);
        }
    }
}
