package dev.phonehome.traffic.tls;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Frames one direction's byte stream into TLS records, incrementally. {@link #peek()} has three
 * outcomes: a record, empty (need more bytes — never an error), or {@link TlsFormatException}.
 * A peeked record stays buffered until {@link #consume()}, so the connection can wait for the
 * other direction before handling it.
 */
final class RecordReader {
    static final int HEADER_LENGTH = 5;
    /** RFC 5246: TLSCiphertext.length must not exceed 2^14 + 2048. */
    static final int MAX_FRAGMENT_LENGTH = (1 << 14) + 2048;
    /** Bytes held while this direction waits for the other one; beyond it the connection is given up. */
    static final int MAX_BUFFERED = 1 << 20;

    private byte[] buffer = new byte[0];
    private int start;
    private int end;
    private long consumedBytes;

    /** Appends bytes; false (and nothing appended) if that would exceed {@link #MAX_BUFFERED}. */
    boolean append(ByteBuffer bytes) {
        int n = bytes.remaining();
        if (n > MAX_BUFFERED - (end - start)) {
            return false;
        }
        if (end + n > buffer.length) {
            int live = end - start;
            byte[] grown = buffer.length >= live + n ? buffer : new byte[Math.max(live + n, 2 * live)];
            System.arraycopy(buffer, start, grown, 0, live);
            buffer = grown;
            start = 0;
            end = live;
        }
        bytes.duplicate().get(buffer, end, n);
        end += n;
        return true;
    }

    /** Unconsumed bytes. */
    int buffered() {
        return end - start;
    }

    /** The first unconsumed byte; call only when {@link #buffered()} is positive. */
    int firstByte() {
        return buffer[start] & 0xFF;
    }

    /** The next complete record, empty if more bytes are needed. */
    Optional<TlsRecord> peek() throws TlsFormatException {
        if (end - start < HEADER_LENGTH) {
            return Optional.empty();
        }
        int type = buffer[start] & 0xFF;
        int version = ((buffer[start + 1] & 0xFF) << 8) | (buffer[start + 2] & 0xFF);
        int length = ((buffer[start + 3] & 0xFF) << 8) | (buffer[start + 4] & 0xFF);
        if (type < TlsRecord.CHANGE_CIPHER_SPEC || type > TlsRecord.HEARTBEAT) {
            throw error("unknown content type " + type);
        }
        if ((version >>> 8) != 3 || (version & 0xFF) > 4) {
            throw error(String.format("record version 0x%04X is not SSL 3.0 .. TLS 1.3", version));
        }
        if (length > MAX_FRAGMENT_LENGTH) {
            throw error("record length " + length + " exceeds " + MAX_FRAGMENT_LENGTH);
        }
        if (end - start < HEADER_LENGTH + length) {
            return Optional.empty();
        }
        byte[] fragment = Arrays.copyOfRange(buffer, start + HEADER_LENGTH, start + HEADER_LENGTH + length);
        return Optional.of(new TlsRecord(type, version, fragment));
    }

    /** Drops the record last returned by {@link #peek()}. */
    void consume(TlsRecord record) {
        int n = HEADER_LENGTH + record.fragment().length;
        start += n;
        consumedBytes += n;
    }

    private TlsFormatException error(String message) {
        return new TlsFormatException("TLS record", consumedBytes, message);
    }
}
