package dev.phonehome.traffic.tls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The TLS 1.2 PRF (RFC 5246 section 5): P_hash over HMAC with the suite's hash. */
final class TlsPrf {
    private TlsPrf() {
    }

    static byte[] prf(String hmac, byte[] secret, String label, byte[] seed, int length) {
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        byte[] labelAndSeed = concat(labelBytes, seed);
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(secret, hmac));
            byte[] out = new byte[length];
            byte[] a = labelAndSeed;
            for (int done = 0; done < length; ) {
                a = mac.doFinal(a);
                mac.update(a);
                byte[] block = mac.doFinal(labelAndSeed);
                int n = Math.min(block.length, length - done);
                System.arraycopy(block, 0, out, done, n);
                done += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is mandatory in every JDK", e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
