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
    private final String macAlgorithm;
    private final byte[] macKey;
    private final int macLength;
    private final boolean encryptThenMac;
    private long sequence;

    Tls12CbcDecryptor(byte[] key, String macAlgorithm, byte[] macKey, boolean encryptThenMac) {
        this.key = new SecretKeySpec(key, "AES");
        this.macAlgorithm = macAlgorithm;
        this.macKey = macKey;
        this.macLength = macKey.length;
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
            byte[] expected = Tls12Mac.hmac(macAlgorithm, macKey,
                    Tls12Mac.additionalData(sequence, record, cipherLength), fragment, 0, cipherLength);
            verify(expected, Arrays.copyOfRange(fragment, cipherLength, fragment.length));
        }
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
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
            byte[] expected = Tls12Mac.hmac(macAlgorithm, macKey,
                    Tls12Mac.additionalData(sequence, record, dataEnd), padded, 0, dataEnd);
            verify(expected, Arrays.copyOfRange(padded, dataEnd, dataEnd + macLength));
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
