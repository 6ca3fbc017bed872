package dev.phonehome.traffic.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reassembles handshake messages that span records (and records holding several messages).
 * Message size is bounded, so a hostile length cannot make it buffer without end.
 */
final class HandshakeAssembler {
    /** Larger than any real certificate chain, small enough to bound memory per connection. */
    static final int MAX_MESSAGE_LENGTH = 1 << 18;
    private static final int HEADER_LENGTH = 4;

    private byte[] pending = new byte[0];
    private long consumed;

    /** Adds record data and returns the messages it completes, in order. */
    List<HandshakeMessage> add(byte[] data) throws TlsFormatException {
        byte[] bytes = TlsPrf.concat(pending, data);
        List<HandshakeMessage> out = new ArrayList<>();
        int pos = 0;
        while (bytes.length - pos >= HEADER_LENGTH) {
            int length = ((bytes[pos + 1] & 0xFF) << 16) | ((bytes[pos + 2] & 0xFF) << 8) | (bytes[pos + 3] & 0xFF);
            if (length > MAX_MESSAGE_LENGTH) {
                throw new TlsFormatException("TLS handshake message", consumed + pos,
                        "length " + length + " exceeds " + MAX_MESSAGE_LENGTH);
            }
            if (bytes.length - pos - HEADER_LENGTH < length) {
                break;
            }
            out.add(new HandshakeMessage(bytes[pos] & 0xFF,
                    Arrays.copyOfRange(bytes, pos + HEADER_LENGTH, pos + HEADER_LENGTH + length)));
            pos += HEADER_LENGTH + length;
        }
        pending = Arrays.copyOfRange(bytes, pos, bytes.length);
        consumed += pos;
        return out;
    }
}
