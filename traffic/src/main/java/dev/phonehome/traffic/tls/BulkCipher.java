package dev.phonehome.traffic.tls;

/** Record encryption algorithms this engine can open. */
public enum BulkCipher {
    AES_128_GCM(16, true),
    AES_256_GCM(32, true),
    CHACHA20_POLY1305(32, true),
    AES_128_CBC(16, false),
    AES_256_CBC(32, false);

    private final int keyLength;
    private final boolean aead;

    BulkCipher(int keyLength, boolean aead) {
        this.keyLength = keyLength;
        this.aead = aead;
    }

    public int keyLength() {
        return keyLength;
    }

    public boolean aead() {
        return aead;
    }
}
