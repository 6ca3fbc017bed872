package dev.phonehome.traffic.http;

import dev.phonehome.core.io.ByteCursor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * One direction of an HTTP/2 connection: its frame reader, its HPACK decoder and the header
 * block it may be assembling from HEADERS or PUSH_PROMISE plus CONTINUATION frames.
 */
final class Http2Direction {
    /** A header block whose last fragment arrived, decoded. */
    record Assembled(Http2Frame first, int promisedId, HeaderBlock block) {
    }

    final boolean fromClient;
    final Http2FrameReader reader;
    final HpackBlockDecoder hpack;
    private final int maxBlockBytes;
    private Http2Frame blockStart;
    private int promisedId;
    private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();

    Http2Direction(boolean fromClient, HttpLimits limits) {
        this.fromClient = fromClient;
        this.reader = new Http2FrameReader(fromClient);
        this.hpack = new HpackBlockDecoder(limits.maxHeaderSectionBytes());
        this.maxBlockBytes = limits.maxHeaderBlockBytes();
    }

    /** While a block is open only its CONTINUATION frames may follow (RFC 9113 section 6.10). */
    void requireContinuationIfOpen(Http2Frame f) throws Http2Exception {
        if (blockStart != null && (f.type() != Http2Frame.CONTINUATION || f.streamId() != blockStart.streamId())) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, f.offset(),
                    "frame type " + f.type() + " where CONTINUATION of stream " + blockStart.streamId() + " was due");
        }
    }

    /** Starts a block with a HEADERS or PUSH_PROMISE fragment; returns it decoded if the frame ends it. */
    Assembled begin(Http2Frame f, int promised, ByteCursor fragment) throws Http2Exception {
        blockStart = f;
        promisedId = promised;
        fragments.reset();
        return append(f, fragment);
    }

    Assembled continueBlock(Http2Frame f) throws Http2Exception {
        if (blockStart == null) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, f.offset(), "CONTINUATION without a header block");
        }
        return append(f, f.cursor());
    }

    private Assembled append(Http2Frame f, ByteCursor fragment) throws Http2Exception {
        if ((long) fragments.size() + fragment.remaining() > maxBlockBytes) {
            throw Http2Exception.connection(Http2Error.ENHANCE_YOUR_CALM, f.offset(),
                    "header block of stream " + f.streamId() + " over " + maxBlockBytes + " bytes");
        }
        ByteBuffer bytes = fragment.buffer();
        byte[] chunk = new byte[bytes.remaining()];
        bytes.get(chunk);
        fragments.write(chunk, 0, chunk.length);
        if (!f.has(Http2Frame.END_HEADERS)) {
            return null;
        }
        Http2Frame first = blockStart;
        blockStart = null;
        byte[] block = fragments.toByteArray();
        fragments.reset();
        return new Assembled(first, promisedId, hpack.decode(block, first.streamId(), first.offset()));
    }
}
