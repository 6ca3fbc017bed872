package dev.phonehome.traffic.tls;

import dev.phonehome.core.io.FormatException;

/** Malformed TLS or QUIC bytes: a record, handshake message or packet that breaks its grammar. */
public final class TlsFormatException extends FormatException {
    public TlsFormatException(String structure, long offset, String message) {
        super(structure, offset, message);
    }

    /** Re-labels a cursor error (read past the end of a length-delimited structure) as a TLS error. */
    static TlsFormatException of(FormatException e) {
        return e instanceof TlsFormatException t ? t : new TlsFormatException(e.structure(), e.offset(), e.getMessage());
    }
}
