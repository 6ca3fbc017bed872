package dev.phonehome.traffic.capture;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;

/** Walks pcapng options: {@code code u16, length u16, value, padding to 4}, ending at code 0 or the end of the block. */
final class PcapngOptions {
    static final int OPT_ENDOFOPT = 0;
    static final int OPT_COMMENT = 1;

    @FunctionalInterface
    interface Visitor {
        void option(int code, ByteCursor value) throws FormatException;
    }

    private PcapngOptions() {
    }

    static void forEach(ByteCursor c, Visitor visitor) throws FormatException {
        while (c.remaining() >= 4) {
            int code = c.u16();
            int length = c.u16();
            if (code == OPT_ENDOFOPT) {
                return;
            }
            ByteCursor value = c.slice(length, "pcapng option " + code);
            c.skip(Math.min(c.remaining(), (4 - (length & 3)) & 3));
            visitor.option(code, value);
        }
    }
}
