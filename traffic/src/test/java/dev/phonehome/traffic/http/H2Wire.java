package dev.phonehome.traffic.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-built HTTP/2 bytes for tests: frames, and header blocks as HPACK literals without indexing. */
final class H2Wire {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static H2Wire client() {
        H2Wire w = new H2Wire();
        w.raw(Http2FrameReader.PREFACE);
        return w.frame(Http2Frame.SETTINGS, 0, 0, new byte[0]);
    }

    static H2Wire server() {
        return new H2Wire().frame(Http2Frame.SETTINGS, 0, 0, new byte[0]);
    }

    static H2Wire empty() {
        return new H2Wire();
    }

    H2Wire raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    H2Wire frame(int type, int flags, int stream, byte[] payload) {
        return frame(type, flags, stream, payload, payload.length);
    }

    /** A frame whose header may announce a length other than the payload's. */
    H2Wire frame(int type, int flags, int stream, byte[] payload, int announcedLength) {
        out.write(announcedLength >>> 16);
        out.write(announcedLength >>> 8);
        out.write(announcedLength);
        out.write(type);
        out.write(flags);
        out.write(stream >>> 24);
        out.write(stream >>> 16);
        out.write(stream >>> 8);
        out.write(stream);
        out.write(payload, 0, payload.length);
        return this;
    }

    H2Wire headers(int stream, boolean endStream, String... nameValues) {
        return frame(Http2Frame.HEADERS, Http2Frame.END_HEADERS | (endStream ? Http2Frame.END_STREAM : 0), stream,
                block(nameValues));
    }

    H2Wire data(int stream, boolean endStream, String text) {
        return frame(Http2Frame.DATA, endStream ? Http2Frame.END_STREAM : 0, stream, text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** Literal header fields without indexing, new names (RFC 7541 section 6.2.2). */
    static byte[] block(String... nameValues) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < nameValues.length; i += 2) {
            b.write(0x00);
            string(b, nameValues[i]);
            string(b, nameValues[i + 1]);
        }
        return b.toByteArray();
    }

    static void string(ByteArrayOutputStream b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        integer(b, 0x00, 7, bytes.length);
        b.write(bytes, 0, bytes.length);
    }

    /** An HPACK integer with an N-bit prefix (RFC 7541 section 5.1). */
    static void integer(ByteArrayOutputStream b, int firstBits, int prefix, int value) {
        int max = (1 << prefix) - 1;
        if (value < max) {
            b.write(firstBits | value);
            return;
        }
        b.write(firstBits | max);
        value -= max;
        while (value >= 128) {
            b.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        b.write(value);
    }

    static byte[] u32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
