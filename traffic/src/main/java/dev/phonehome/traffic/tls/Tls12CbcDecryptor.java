package dev.phonehome.traffic.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * TLS 1.1+ AES-CBC records with an explicit per-record IV, HMAC and padding checks, in
 * MAC-then-encrypt order (RFC 5246 section 6.2.3.2) or encrypt-then-MAC order (RFC 7366).
 */
final class Tls12CbcDecryptor implements RecordDecryptor {
    private static final int BLOCK = 16;
    private final SecretKeySpec key;
    private final Cipher aes;
    private final Tls12Mac mac;
    private final int macLength;
    private final boolean encryptThenMac;
    private long sequence;

    Tls12CbcDecryptor(byte[] key, String macAlgorithm, byte[] macKey, boolean encryptThenMac)
            throws GeneralSecurityException {
        this.key = new SecretKeySpec(key, "AES");
        this.aes = Cipher.getInstance("AES/CBC/NoPadding");
        this.mac = new Tls12Mac(macAlgorithm, macKey);
        this.macLength = mac.length();
        this.encryptThenMac = encryptThenMac;
    }

    @Override
    public Plaintext open(TlsRecord record) throws GeneralSecurityException {
        byte[] fragment = record.fragment();
        int cipherLength = fragment.length - (encryptThenMac ? macLength : 0);
        if (cipherLength < 2 * BLOCK || cipherLength % BLOCK != 0) {
            throw new BadPaddingException("CBC record of " + fragment.length + " bytes is not IV plus whole blocks");
        }
        if (encryptThenMac) {
            verify(mac.compute(sequence, record, fragment, 0, cipherLength),
                    Arrays.copyOfRange(fragment, cipherLength, fragment.length));
        }
        aes.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(fragment, 0, BLOCK));
        byte[] padded = aes.doFinal(fragment, BLOCK, cipherLength - BLOCK);
        int dataEnd = padded.length - 1 - (padded[padded.length - 1] & 0xFF);
        if (dataEnd < (encryptThenMac ? 0 : macLength)) {
            throw new BadPaddingException("CBC padding longer than the record");
        }
        for (int i = dataEnd; i < padded.length; i++) {
            if (padded[i] != padded[padded.length - 1]) {
                throw new BadPaddingException("CBC padding bytes differ");
            }
        }
        if (!encryptThenMac) {
            dataEnd -= macLength;
            verify(mac.compute(sequence, record, padded, 0, dataEnd),
                    Arrays.copyOfRange(padded, dataEnd, dataEnd + macLength));
        }
        sequence++;
        return new Plaintext(record.type(), Arrays.copyOf(padded, dataEnd));
    }

    private static void verify(byte[] expected, byte[] actual) throws BadPaddingException {
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new BadPaddingException("record MAC does not match");
        }
    }
}
