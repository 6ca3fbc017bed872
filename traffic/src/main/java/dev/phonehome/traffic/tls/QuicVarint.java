package dev.phonehome.traffic.tls;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;

/** QUIC variable-length integers (RFC 9000 section 16): 1, 2, 4 or 8 bytes, the length in the top 2 bits. */
final class QuicVarint {
    private QuicVarint() {
    }

    static long read(ByteCursor c) throws FormatException {
        int first = c.u8();
        int extra = (1 << (first >>> 6)) - 1;
        long value = first & 0x3F;
        for (int i = 0; i < extra; i++) {
            value = (value << 8) | c.u8();
        }
        return value;
    }
}
