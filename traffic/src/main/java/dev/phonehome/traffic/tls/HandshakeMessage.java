package dev.phonehome.traffic.tls;

/** One handshake message (RFC 8446 section 4): its type and body, without the 4-byte header. */
record HandshakeMessage(int type, byte[] body) {
    static final int CLIENT_HELLO = 1;
    static final int SERVER_HELLO = 2;
    static final int NEW_SESSION_TICKET = 4;
    static final int ENCRYPTED_EXTENSIONS = 8;
    static final int CERTIFICATE = 11;
    static final int SERVER_HELLO_DONE = 14;
    static final int FINISHED = 20;
    static final int KEY_UPDATE = 24;
}
