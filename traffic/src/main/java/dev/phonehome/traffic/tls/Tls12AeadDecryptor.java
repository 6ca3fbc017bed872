package dev.phonehome.traffic.tls;

import java.security.GeneralSecurityException;

/**
 * TLS 1.2 AEAD records: AES-GCM with a 4-byte implicit and 8-byte explicit nonce (RFC 5288),
 * ChaCha20-Poly1305 with the sequence number XORed into a 12-byte IV (RFC 7905).
 */
final class Tls12AeadDecryptor implements RecordDecryptor {
    private static final int EXPLICIT_NONCE_LENGTH = 8;
    private final BulkCipher cipher;
    private final Aead aead;
    private final byte[] iv;
    private long sequence;

    Tls12AeadDecryptor(BulkCipher cipher, byte[] key, byte[] iv) {
        this.cipher = cipher;
        this.aead = new Aead(cipher, key);
        this.iv = iv;
    }

    @Override
    public Plaintext open(TlsRecord record) throws GeneralSecurityException {
        byte[] fragment = record.fragment();
        byte[] nonce;
        int offset;
        if (cipher == BulkCipher.CHACHA20_POLY1305) {
            nonce = Aead.xorNonce(iv, sequence);
            offset = 0;
        } else {
            if (fragment.length < EXPLICIT_NONCE_LENGTH) {
                throw new javax.crypto.AEADBadTagException("GCM record of " + fragment.length + " bytes has no explicit nonce");
            }
            nonce = new byte[iv.length + EXPLICIT_NONCE_LENGTH];
            System.arraycopy(iv, 0, nonce, 0, iv.length);
            System.arraycopy(fragment, 0, nonce, iv.length, EXPLICIT_NONCE_LENGTH);
            offset = EXPLICIT_NONCE_LENGTH;
        }
        int length = fragment.length - offset;
        byte[] aad = Tls12Mac.additionalData(sequence, record, Math.max(0, length - Aead.TAG_LENGTH));
        byte[] plain = aead.open(nonce, aad, fragment, offset, length);
        sequence++;
        return new Plaintext(record.type(), plain);
    }
}
