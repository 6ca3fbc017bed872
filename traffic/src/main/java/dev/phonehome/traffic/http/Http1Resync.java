package dev.phonehome.traffic.http;

import java.nio.charset.StandardCharsets;

/** Finds where HTTP/1.x messages start again after garbage or a capture gap. */
final class Http1Resync {
    /** Where the queue stands after a search. */
    enum Outcome { FOUND, AT_LINE_START, MID_LINE }

    private static final byte[] HTTP_SLASH = "HTTP/".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_STATUS_LINE = 1024;

    private Http1Resync() {
    }

    /**
     * Consumes bytes up to the next complete start line of the wanted kind, keeping a trailing
     * partial line that may still become one. Requests are only looked for at line starts (a
     * method is any token); a status line is distinctive enough to be found anywhere, which
     * matters because a lost body usually runs straight into the next response.
     *
     * @param atLineStart whether the queue's first byte begins a line (false right after a gap)
     */
    static Outcome skipToStartLine(ByteQueue q, boolean request, boolean atLineStart, HttpLimits limits) {
        return request ? skipToRequestLine(q, atLineStart, limits) : skipToStatusLine(q);
    }

    private static Outcome skipToRequestLine(ByteQueue q, boolean atLineStart, HttpLimits limits) {
        int lineStart = atLineStart ? 0 : -1;
        int i = 0;
        while (true) {
            int nl = q.indexOf((byte) '\n', i, q.size());
            if (nl < 0) {
                if (lineStart < 0 || q.size() - lineStart >= limits.maxHeaderSectionBytes()) {
                    q.consume(q.size());
                    return Outcome.MID_LINE;
                }
                q.consume(lineStart);
                return Outcome.AT_LINE_START;
            }
            if (lineStart >= 0 && Http1HeadParser.REQUEST_LINE.matcher(Http1HeadParser.line(q, lineStart, nl)).matches()) {
                q.consume(lineStart);
                return Outcome.FOUND;
            }
            lineStart = nl + 1;
            i = nl + 1;
        }
    }

    private static Outcome skipToStatusLine(ByteQueue q) {
        int h = 0;
        while ((h = q.indexOf((byte) 'H', h, q.size())) >= 0) {
            int available = Math.min(HTTP_SLASH.length, q.size() - h);
            if (startsWith(q, h, available)) {
                int nl = q.indexOf((byte) '\n', h, Math.min(q.size(), h + MAX_STATUS_LINE));
                if (nl < 0 && q.size() - h < MAX_STATUS_LINE) {
                    q.consume(h);
                    return Outcome.AT_LINE_START;
                }
                if (nl >= 0 && Http1HeadParser.STATUS_LINE.matcher(Http1HeadParser.line(q, h, nl)).matches()) {
                    q.consume(h);
                    return Outcome.FOUND;
                }
            }
            h++;
        }
        q.consume(q.size());
        return Outcome.MID_LINE;
    }

    private static boolean startsWith(ByteQueue q, int at, int n) {
        for (int i = 0; i < n; i++) {
            if (q.at(at + i) != HTTP_SLASH[i]) {
                return false;
            }
        }
        return true;
    }
}
