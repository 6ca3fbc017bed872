package dev.phonehome.traffic.capture;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines (LF or CRLF) keeping at most {@code maxChars} of each, so that a hostile file
 * with no line breaks cannot make one huge string.
 */
final class BoundedLineReader {
    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private long lineNumber;
    private boolean tooLong;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its terminator, or null at end of input. */
    String next() throws IOException {
        StringBuilder sb = new StringBuilder();
        tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            char c = buf[pos++];
            if (c == '\n') {
                break;
            }
            if (sb.length() < maxChars) {
                sb.append(c);
            } else {
                tooLong = true;
            }
        }
        lineNumber++;
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') {
            sb.setLength(n - 1);
        }
        return sb.toString();
    }

    boolean lastLineTooLong() {
        return tooLong;
    }

    long lineNumber() {
        return lineNumber;
    }
}
