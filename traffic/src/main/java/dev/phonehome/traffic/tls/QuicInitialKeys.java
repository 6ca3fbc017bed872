package dev.phonehome.traffic.tls;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Client Initial packet protection keys, derived from the destination connection id alone
 * (RFC 9001 section 5.2, RFC 9369 section 3.3): AES-128-GCM plus an AES header-protection key.
 */
final class QuicInitialKeys {
    static final long VERSION_1 = 0x00000001L;
    static final long VERSION_2 = 0x6b3343cfL;
    private static final byte[] SALT_V1 = HexFormat.of().parseHex("38762cf7f55934b34d179ae6a4c80cadccbb7f0a");
    private static final byte[] SALT_V2 = HexFormat.of().parseHex("0dede3def700a6db819381be6e269dcbf9bd2ed9");
    private static final int KEY_LENGTH = 16;
    private static final int IV_LENGTH = 12;

    final Aead aead;
    final byte[] iv;
    private final SecretKeySpec headerKey;

    QuicInitialKeys(long version, byte[] dcid) {
        Hkdf hkdf = Hkdf.sha256();
        String prefix = version == VERSION_2 ? "quicv2 " : "quic ";
        byte[] initial = hkdf.extract(version == VERSION_2 ? SALT_V2 : SALT_V1, dcid);
        byte[] client = hkdf.expandLabel(initial, "client in", new byte[0], 32);
        this.aead = new Aead(BulkCipher.AES_128_GCM, hkdf.expandLabel(client, prefix + "key", new byte[0], KEY_LENGTH));
        this.iv = hkdf.expandLabel(client, prefix + "iv", new byte[0], IV_LENGTH);
        this.headerKey = new SecretKeySpec(hkdf.expandLabel(client, prefix + "hp", new byte[0], KEY_LENGTH), "AES");
    }

    static boolean supported(long version) {
        return version == VERSION_1 || version == VERSION_2;
    }

    /** The 5-byte header protection mask: AES-ECB of the 16-byte ciphertext sample (RFC 9001 section 5.4.3). */
    byte[] mask(byte[] packet, int sampleOffset) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, headerKey);
        return aes.doFinal(packet, sampleOffset, 16);
    }
}
