package dev.phonehome.traffic.tls;

/** The per-direction state of a {@link TlsConnection}: framing, handshake reassembly and the current keys. */
final class Flow {
    /** Key epochs of TLS 1.3 (RFC 8446 section 7); TLS 1.2 uses NONE then APPLICATION. */
    enum Epoch { NONE, HANDSHAKE, APPLICATION }

    final boolean fromClient;
    final RecordReader reader = new RecordReader();
    final HandshakeAssembler handshake = new HandshakeAssembler();
    Epoch epoch = Epoch.NONE;
    RecordDecryptor decryptor;
    /** Client 0-RTT keys, looked up on the first record the handshake keys cannot open. */
    RecordDecryptor early;
    boolean earlyLookedUp;
    /** A record opened with {@link #decryptor}; before that, failures may be 0-RTT records. */
    boolean keysConfirmed;
    /** TLS 1.3 without a logged handshake secret: records before the first the application keys open are skipped. */
    boolean skipsHandshakeEpoch;
    int skippedHandshakeRecords;
    /** TLS 1.2: a ChangeCipherSpec was seen, every later record is protected. */
    boolean cipherActive;
    /** No keys for this direction: protected records are skipped, clear ones still parsed. */
    boolean opaque;
    /** Framing lost (malformed bytes or a gap): nothing more is read. */
    boolean dead;
    boolean started;
    long timestamp;

    Flow(boolean fromClient) {
        this.fromClient = fromClient;
    }

    String side() {
        return fromClient ? "client" : "server";
    }
}
