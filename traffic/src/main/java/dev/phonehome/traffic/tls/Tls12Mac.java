package dev.phonehome.traffic.tls;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The TLS 1.2 pseudo-header (seq_num, type, version, length) and the record HMAC over it. */
final class Tls12Mac {
    private final Mac mac;

    Tls12Mac(String algorithm, byte[] key) throws GeneralSecurityException {
        this.mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
    }

    static byte[] additionalData(long sequence, TlsRecord record, int length) {
        byte[] out = new byte[13];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (sequence >>> (56 - 8 * i));
        }
        System.arraycopy(record.header(length), 0, out, 8, 5);
        return out;
    }

    int length() {
        return mac.getMacLength();
    }

    /** HMAC(pseudo-header of {@code record} with {@code length} || data[offset, offset + length)). */
    byte[] compute(long sequence, TlsRecord record, byte[] data, int offset, int length) {
        mac.update(additionalData(sequence, record, length));
        mac.update(data, offset, length);
        return mac.doFinal();
    }
}
