package dev.phonehome.traffic.tls;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-GCM or ChaCha20-Poly1305 decryption with a 16-byte tag, over the JCA. */
final class Aead {
    static final int TAG_LENGTH = 16;
    private final BulkCipher cipher;
    private final SecretKeySpec key;
    /** One JCA instance per direction, re-initialised per record: lookups cost more than decryption. */
    private Cipher instance;

    Aead(BulkCipher cipher, byte[] key) {
        this.cipher = cipher;
        this.key = new SecretKeySpec(key, cipher == BulkCipher.CHACHA20_POLY1305 ? "ChaCha20" : "AES");
    }

    byte[] open(byte[] nonce, byte[] aad, byte[] ciphertext, int offset, int length) throws GeneralSecurityException {
        if (length < TAG_LENGTH) {
            throw new javax.crypto.AEADBadTagException("ciphertext of " + length + " bytes is shorter than its tag");
        }
        boolean chacha = cipher == BulkCipher.CHACHA20_POLY1305;
        if (instance == null) {
            instance = Cipher.getInstance(chacha ? "ChaCha20-Poly1305" : "AES/GCM/NoPadding");
        }
        instance.init(Cipher.DECRYPT_MODE, key,
                chacha ? new IvParameterSpec(nonce) : new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        instance.updateAAD(aad);
        return instance.doFinal(ciphertext, offset, length);
    }

    /** {@code iv} XOR the big-endian sequence number, right-aligned (RFC 8446 section 5.3, RFC 7905). */
    static byte[] xorNonce(byte[] iv, long sequence) {
        byte[] nonce = iv.clone();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (sequence >>> (8 * i));
        }
        return nonce;
    }
}
