package dev.phonehome.traffic.tls;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The TLS 1.2 pseudo-header (seq_num, type, version, length) and the record HMAC over it. */
final class Tls12Mac {
    private Tls12Mac() {
    }

    static byte[] additionalData(long sequence, TlsRecord record, int length) {
        byte[] out = new byte[13];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (sequence >>> (56 - 8 * i));
        }
        System.arraycopy(record.header(length), 0, out, 8, 5);
        return out;
    }

    static byte[] hmac(String algorithm, byte[] key, byte[] pseudoHeader, byte[] data, int offset, int length)
            throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        mac.update(pseudoHeader);
        mac.update(data, offset, length);
        return mac.doFinal();
    }
}
