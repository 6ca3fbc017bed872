package dev.phonehome.traffic.tls;

import java.security.GeneralSecurityException;
import java.util.Arrays;

/** TLS 1.3 record protection (RFC 8446 section 5.2) keyed from one traffic secret. */
final class Tls13Decryptor implements RecordDecryptor {
    private static final int IV_LENGTH = 12;
    private final CipherSuite suite;
    private final byte[] secret;
    private final Aead aead;
    private final byte[] iv;
    private long sequence;

    Tls13Decryptor(CipherSuite suite, byte[] secret) {
        this.suite = suite;
        this.secret = secret.clone();
        Hkdf hkdf = new Hkdf(suite.hmacOfHash());
        this.aead = new Aead(suite.cipher(), hkdf.expandLabel(secret, "key", new byte[0], suite.cipher().keyLength()));
        this.iv = hkdf.expandLabel(secret, "iv", new byte[0], IV_LENGTH);
    }

    /** The decryptor after a KeyUpdate: application_traffic_secret_N+1 (RFC 8446 section 7.2). */
    Tls13Decryptor next() {
        Hkdf hkdf = new Hkdf(suite.hmacOfHash());
        return new Tls13Decryptor(suite, hkdf.expandLabel(secret, "traffic upd", new byte[0], suite.hashLength()));
    }

    @Override
    public Plaintext open(TlsRecord record) throws GeneralSecurityException {
        byte[] fragment = record.fragment();
        byte[] inner = aead.open(Aead.xorNonce(iv, sequence), record.header(fragment.length), fragment, 0, fragment.length);
        sequence++;
        int end = inner.length;
        while (end > 0 && inner[end - 1] == 0) {
            end--;
        }
        if (end == 0) {
            // RFC 8446: all-zero inner plaintext is an unexpected_message; it carries no content type.
            throw new javax.crypto.BadPaddingException("TLS 1.3 inner plaintext has no content type");
        }
        return new Plaintext(inner[end - 1] & 0xFF, Arrays.copyOf(inner, end - 1));
    }
}
