package dev.phonehome.traffic.http;

import java.util.List;

/** Reads one HTTP/1.x message body from its direction's queue, as its framing says. */
final class Http1BodyReader {
    /** What a read achieved. */
    enum Outcome { DONE, PROGRESS, STALLED }

    private final Http1Framing framing;
    private final ChunkedBody chunked;
    private long remaining;

    Http1BodyReader(Http1Framing framing) {
        this.framing = framing;
        this.remaining = framing.length();
        this.chunked = framing.kind() == Http1Framing.Kind.CHUNKED ? new ChunkedBody() : null;
    }

    /** A body that lasts until the connection closes, which is then its normal end. */
    boolean untilClose() {
        return framing.kind() == Http1Framing.Kind.UNTIL_CLOSE;
    }

    Outcome read(ByteQueue q, BodyCollector body, HttpLimits limits) throws Http1FormatException {
        switch (framing.kind()) {
            case LENGTH -> {
                int n = (int) Math.min(remaining, q.size());
                body.add(q.view(n));
                q.consume(n);
                remaining -= n;
                return remaining == 0 ? Outcome.DONE : n > 0 ? Outcome.PROGRESS : Outcome.STALLED;
            }
            case CHUNKED -> {
                int before = q.size();
                if (chunked.read(q, body, limits)) {
                    return Outcome.DONE;
                }
                return q.size() != before ? Outcome.PROGRESS : Outcome.STALLED;
            }
            case UNTIL_CLOSE -> {
                body.add(q.view(q.size()));
                q.consume(q.size());
                return Outcome.STALLED;
            }
            default -> {
                return Outcome.DONE;
            }
        }
    }

    List<Header> trailers() {
        return chunked == null ? List.of() : chunked.trailers();
    }

    /** Whether {@code missing} lost bytes fall inside the body, so parsing can go on after them. */
    boolean canBridge(long missing) {
        return switch (framing.kind()) {
            case LENGTH -> missing <= remaining;
            case CHUNKED -> missing <= chunked.remainingInChunk();
            case UNTIL_CLOSE -> true;
            default -> false;
        };
    }

    /** Accounts for bytes the capture lost inside the body; call only if {@link #canBridge}. */
    Outcome bridge(long missing, BodyCollector body) {
        body.missing(missing);
        switch (framing.kind()) {
            case LENGTH -> {
                remaining -= missing;
                return remaining == 0 ? Outcome.DONE : Outcome.PROGRESS;
            }
            case CHUNKED -> chunked.skipMissing(missing);
            default -> {
                // Until-close bodies just count the loss.
            }
        }
        return Outcome.PROGRESS;
    }
}
