package dev.phonehome.traffic.tls;

import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The TLS 1.2 key block (RFC 5246 section 6.3) expanded from a logged master secret. The key
 * exchange (RSA, DHE, ECDHE) and the extended master secret only change how the master secret
 * was made, so with the secret in hand they do not matter here.
 */
final class Tls12Keys {
    static final int MASTER_SECRET_LENGTH = 48;
    private final CipherSuite suite;
    private final byte[] block;
    private final int macLength;
    private final int keyLength;
    private final int ivLength;

    Tls12Keys(CipherSuite suite, byte[] masterSecret, byte[] clientRandom, byte[] serverRandom) {
        this.suite = suite;
        this.macLength = suite.macLength();
        this.keyLength = suite.cipher().keyLength();
        this.ivLength = switch (suite.cipher()) {
            case AES_128_GCM, AES_256_GCM -> 4;
            case CHACHA20_POLY1305 -> 12;
            default -> 0; // CBC in TLS 1.1+ carries an explicit IV in every record
        };
        int length = 2 * (macLength + keyLength + ivLength);
        this.block = TlsPrf.prf(suite.hmacOfHash(), masterSecret, "key expansion",
                TlsPrf.concat(serverRandom, clientRandom), length);
    }

    /** The decryptor for records written by the client ({@code fromClient}) or by the server. */
    RecordDecryptor decryptor(boolean fromClient, boolean encryptThenMac) {
        int side = fromClient ? 0 : 1;
        byte[] macKey = part(side * macLength, macLength);
        byte[] key = part(2 * macLength + side * keyLength, keyLength);
        byte[] iv = part(2 * macLength + 2 * keyLength + side * ivLength, ivLength);
        if (suite.cipher().aead()) {
            return new Tls12AeadDecryptor(suite.cipher(), key, iv);
        }
        try {
            return new Tls12CbcDecryptor(key, suite.mac(), macKey, encryptThenMac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC and " + suite.mac() + " are mandatory in every JDK", e);
        }
    }

    private byte[] part(int offset, int length) {
        return Arrays.copyOfRange(block, offset, offset + length);
    }
}
