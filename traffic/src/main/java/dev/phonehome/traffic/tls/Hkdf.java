package dev.phonehome.traffic.tls;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF (RFC 5869) and TLS 1.3 HKDF-Expand-Label (RFC 8446 section 7.1); the JDK 17 has no HKDF API. */
final class Hkdf {
    private final String hmac;

    Hkdf(String hmac) {
        this.hmac = hmac;
    }

    static Hkdf sha256() {
        return new Hkdf("HmacSHA256");
    }

    byte[] extract(byte[] salt, byte[] ikm) {
        return mac(salt, ikm);
    }

    byte[] expand(byte[] prk, byte[] info, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        byte[] block = new byte[0];
        for (int counter = 1; out.size() < length; counter++) {
            byte[] input = new byte[block.length + info.length + 1];
            System.arraycopy(block, 0, input, 0, block.length);
            System.arraycopy(info, 0, input, block.length, info.length);
            input[input.length - 1] = (byte) counter;
            block = mac(prk, input);
            out.write(block, 0, Math.min(block.length, length - out.size()));
        }
        return out.toByteArray();
    }

    /** HKDF-Expand-Label(secret, "tls13 " + label, context, length). */
    byte[] expandLabel(byte[] secret, String label, byte[] context, int length) {
        byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        byte[] info = new byte[2 + 1 + fullLabel.length + 1 + context.length];
        info[0] = (byte) (length >>> 8);
        info[1] = (byte) length;
        info[2] = (byte) fullLabel.length;
        System.arraycopy(fullLabel, 0, info, 3, fullLabel.length);
        info[3 + fullLabel.length] = (byte) context.length;
        System.arraycopy(context, 0, info, 4 + fullLabel.length, context.length);
        return expand(secret, info, length);
    }

    private byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(hmac);
            // HMAC accepts an empty key but SecretKeySpec does not; RFC 2104 pads keys with zeros anyway.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, hmac));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " is mandatory in every JDK", e);
        }
    }
}
