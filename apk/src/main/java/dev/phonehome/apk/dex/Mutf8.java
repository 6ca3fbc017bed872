package dev.phonehome.apk.dex;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.Arrays;

/**
 * Decodes DEX "modified UTF-8": NUL is written as {@code C0 80}, supplementary characters as two
 * three-byte surrogates, and a zero byte ends the string. The JDK has no public decoder for this
 * encoding ({@code DataInputStream.readUTF} wants a length prefix and copies), hence this one.
 *
 * <p>Decoding is lenient, as a disassembler must be: a malformed sequence becomes U+FFFD and
 * decoding resumes at the next byte, so one bad string never hides the rest of a file.
 */
final class Mutf8 {
    private static final char REPLACEMENT = '\uFFFD';

    private Mutf8() {
    }

    /**
     * Reads one zero-terminated string at the cursor position; {@code declaredLength} (UTF-16
     * units, from the file) only sizes the first buffer and is capped by the bytes available.
     */
    static String read(ByteCursor in, int declaredLength) throws FormatException {
        char[] out = new char[Math.max(0, Math.min(declaredLength, in.remaining()))];
        int n = 0;
        while (true) {
            int a = in.u8();
            if (a == 0) {
                break;
            }
            char ch;
            if (a < 0x80) {
                ch = (char) a;
            } else if ((a & 0xE0) == 0xC0) {
                int b = continuation(in);
                ch = b < 0 ? REPLACEMENT : (char) (((a & 0x1F) << 6) | b);
            } else if ((a & 0xF0) == 0xE0) {
                int b = continuation(in);
                int c = b < 0 ? -1 : continuation(in);
                ch = c < 0 ? REPLACEMENT : (char) (((a & 0x0F) << 12) | (b << 6) | c);
            } else {
                ch = REPLACEMENT;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, Math.max(16, n * 2));
            }
            out[n++] = ch;
        }
        return new String(out, 0, n);
    }

    /** The six payload bits of a continuation byte, or -1 (cursor left on the offending byte). */
    private static int continuation(ByteCursor in) throws FormatException {
        int b = in.u8();
        if ((b & 0xC0) != 0x80) {
            in.seek(in.position() - 1);
            return -1;
        }
        return b & 0x3F;
    }
}
