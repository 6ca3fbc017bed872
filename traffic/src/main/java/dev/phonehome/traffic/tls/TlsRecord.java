package dev.phonehome.traffic.tls;

/**
 * One TLS record as framed on the wire.
 *
 * @param type     content type (20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data, 24 heartbeat)
 * @param version  record-layer version, e.g. 0x0303
 * @param fragment the record body, possibly encrypted
 */
record TlsRecord(int type, int version, byte[] fragment) {
    static final int CHANGE_CIPHER_SPEC = 20;
    static final int ALERT = 21;
    static final int HANDSHAKE = 22;
    static final int APPLICATION_DATA = 23;
    static final int HEARTBEAT = 24;

    /** The 5-byte header, as authenticated by AEAD suites. */
    byte[] header(int length) {
        return new byte[] {(byte) type, (byte) (version >>> 8), (byte) version, (byte) (length >>> 8), (byte) length};
    }
}
