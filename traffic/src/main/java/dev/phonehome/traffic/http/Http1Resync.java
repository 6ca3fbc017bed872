package dev.phonehome.traffic.http;

/** Finds where HTTP/1.x messages start again after garbage or a capture gap. */
final class Http1Resync {
    /** Where the queue stands after a search. */
    enum Outcome { FOUND, AT_LINE_START, MID_LINE }

    private Http1Resync() {
    }

    /**
     * Consumes bytes up to the next complete start line of the wanted kind, keeping a trailing
     * partial line that may still become one.
     *
     * @param atLineStart whether the queue's first byte begins a line (false right after a gap)
     */
    static Outcome skipToStartLine(ByteQueue q, boolean request, boolean atLineStart, HttpLimits limits) {
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
            if (lineStart >= 0) {
                String line = Http1HeadParser.line(q, lineStart, nl);
                if ((request ? Http1HeadParser.REQUEST_LINE : Http1HeadParser.STATUS_LINE).matcher(line).matches()) {
                    q.consume(lineStart);
                    return Outcome.FOUND;
                }
            }
            lineStart = nl + 1;
            i = nl + 1;
        }
    }
}
