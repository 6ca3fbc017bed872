package dev.phonehome.traffic.tls;

/** Why (part of) a connection was not decrypted. Reports branch on these codes. */
public enum NotDecryptedReason {
    /** The client's first bytes are not a TLS handshake record. */
    NOT_TLS("tls.not_tls"),
    /** An SSL 2.0-compatible ClientHello: no TLS 1.2+ decryption possible. */
    SSL2_CLIENT_HELLO("tls.ssl2_client_hello"),
    /** The negotiated protocol version is below TLS 1.2 (or unknown). */
    UNSUPPORTED_VERSION("tls.unsupported_version"),
    /** The negotiated cipher suite is not in {@link CipherSuites}. */
    UNSUPPORTED_CIPHER_SUITE("tls.unsupported_cipher_suite"),
    /** The key log holds no secret for this connection's client random. */
    NO_KEY_FOR_CLIENT_RANDOM("tls.no_key_for_client_random"),
    /** A logged secret has the wrong length for the negotiated suite. */
    INVALID_SECRET("tls.invalid_secret"),
    /** A record failed authentication: wrong key, or corrupted bytes. */
    DECRYPT_FAILED("tls.decrypt_failed"),
    /** Bytes are missing from the TCP stream, so record boundaries are lost. */
    GAP_IN_STREAM("tls.gap_in_stream"),
    /** A record or handshake message breaks the TLS grammar or a size limit. */
    MALFORMED("tls.malformed"),
    /** A further ChangeCipherSpec without a readable renegotiation handshake (or one this engine cannot decrypt). */
    RENEGOTIATION_NOT_FOLLOWED("tls.renegotiation_not_followed"),
    /** The connection ended (or the capture did) before keys could be established. */
    HANDSHAKE_INCOMPLETE("tls.handshake_incomplete");

    private final String code;

    NotDecryptedReason(String code) {
        this.code = code;
    }

    /** Stable code for {@link dev.phonehome.core.Problem#code()}. */
    public String code() {
        return code;
    }
}
