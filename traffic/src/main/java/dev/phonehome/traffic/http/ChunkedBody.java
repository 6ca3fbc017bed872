package dev.phonehome.traffic.http;

import java.util.List;

/**
 * Incremental decoder of the chunked transfer coding (RFC 9112 section 7.1): chunk extensions
 * are ignored, trailers are kept, every line is bounded so an endless chunk-size line is
 * malformed rather than buffered forever.
 */
final class ChunkedBody {
    private static final int MAX_HEX_DIGITS = 15;

    private enum State { SIZE, DATA, DATA_END, TRAILERS, DONE }

    private State state = State.SIZE;
    private long remaining;
    private List<Header> trailers = List.of();

    /** Consumes what it can from {@code q} into {@code sink}; true once the last chunk and trailers are read. */
    boolean read(ByteQueue q, BodyCollector sink, HttpLimits limits) throws Http1FormatException {
        while (true) {
            switch (state) {
                case SIZE -> {
                    int nl = q.indexOf((byte) '\n', 0, limits.maxChunkLineBytes());
                    if (nl < 0) {
                        if (q.size() >= limits.maxChunkLineBytes()) {
                            throw error(q, "chunk-size line longer than " + limits.maxChunkLineBytes() + " bytes");
                        }
                        return false;
                    }
                    remaining = chunkSize(Http1HeadParser.line(q, 0, nl), q);
                    q.consume(nl + 1);
                    state = remaining == 0 ? State.TRAILERS : State.DATA;
                }
                case DATA -> {
                    int n = (int) Math.min(remaining, q.size());
                    if (n == 0) {
                        return false;
                    }
                    sink.add(q.view(n));
                    q.consume(n);
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.DATA_END;
                    }
                }
                case DATA_END -> {
                    if (q.isEmpty() || (q.at(0) == '\r' && q.size() < 2)) {
                        return false;
                    }
                    int crlf = q.at(0) == '\n' ? 1 : q.at(0) == '\r' && q.at(1) == '\n' ? 2 : 0;
                    if (crlf == 0) {
                        throw error(q, "chunk data not followed by CRLF");
                    }
                    q.consume(crlf);
                    state = State.SIZE;
                }
                case TRAILERS -> {
                    int end = Http1HeadParser.sectionEnd(q, 0, limits.maxHeaderSectionBytes());
                    if (end < 0) {
                        if (q.size() >= limits.maxHeaderSectionBytes()) {
                            throw error(q, "trailer section longer than " + limits.maxHeaderSectionBytes() + " bytes");
                        }
                        return false;
                    }
                    trailers = Http1HeadParser.fields(Http1HeadParser.lines(q, 0, end), limits, q.offset());
                    q.consume(end);
                    state = State.DONE;
                }
                case DONE -> {
                    return true;
                }
            }
        }
    }

    List<Header> trailers() {
        return trailers;
    }

    /** Bytes still owed by the current chunk, for resynchronising across a capture gap. */
    long remainingInChunk() {
        return state == State.DATA ? remaining : 0;
    }

    /** Accounts for {@code n} missing bytes of the current chunk. */
    void skipMissing(long n) {
        remaining -= n;
        if (remaining == 0) {
            state = State.DATA_END;
        }
    }

    private static long chunkSize(String line, ByteQueue q) throws Http1FormatException {
        int semi = line.indexOf(';');
        String hex = (semi < 0 ? line : line.substring(0, semi)).trim();
        if (hex.isEmpty() || hex.length() > MAX_HEX_DIGITS || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw error(q, "bad chunk size '" + Http1HeadParser.abbreviate(hex) + "'");
        }
        return Long.parseLong(hex, 16);
    }

    private static Http1FormatException error(ByteQueue q, String message) {
        return new Http1FormatException("HTTP/1 chunked body", q.offset(), message);
    }
}
