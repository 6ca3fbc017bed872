package dev.phonehome.traffic.capture;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.math.BigInteger;

/**
 * A pcapng Interface Description Block: link type, snaplen and the timestamp unit
 * ({@code if_tsresol}: 10^-n or, with the high bit set, 2^-n seconds) and offset
 * ({@code if_tsoffset}, seconds).
 */
record PcapngInterface(int linkType, long snaplen, int resolutionExponent, boolean binaryResolution,
                       long offsetSeconds) {
    private static final int OPT_TSRESOL = 9;
    private static final int OPT_TSOFFSET = 14;
    /** Default resolution: microseconds. */
    private static final int DEFAULT_EXPONENT = 6;

    /** Reads an IDB body; malformed options are a problem and leave the defaults in place. */
    static PcapngInterface parse(ByteCursor body, ProblemLog problems, String subject) throws FormatException {
        int linkType = body.u16();
        body.skip(2);
        long snaplen = body.u32();
        int[] exponent = {DEFAULT_EXPONENT};
        boolean[] binary = {false};
        long[] offset = {0};
        try {
            PcapngOptions.forEach(body, (code, value) -> {
                if (code == OPT_TSRESOL && value.remaining() >= 1) {
                    int r = value.u8();
                    binary[0] = (r & 0x80) != 0;
                    exponent[0] = r & 0x7F;
                } else if (code == OPT_TSOFFSET && value.remaining() >= 8) {
                    offset[0] = value.s64();
                }
            });
        } catch (FormatException e) {
            problems.add("pcapng.bad-options", subject, e.getMessage());
        }
        return new PcapngInterface(linkType, snaplen, exponent[0], binary[0], offset[0]);
    }

    /** Converts a raw timestamp in this interface's units to nanoseconds since the epoch. */
    long nanos(long ticks) {
        long base = offsetSeconds * 1_000_000_000L;
        if (binaryResolution) {
            BigInteger n = new BigInteger(Long.toUnsignedString(ticks)).multiply(BigInteger.valueOf(1_000_000_000L))
                    .shiftRight(resolutionExponent);
            return base + n.longValue();
        }
        if (resolutionExponent <= 9) {
            return base + ticks * pow10(9 - resolutionExponent);
        }
        int drop = resolutionExponent - 9;
        return drop > 18 ? base : base + Long.divideUnsigned(ticks, pow10(drop));
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
