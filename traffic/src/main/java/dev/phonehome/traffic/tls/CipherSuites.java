package dev.phonehome.traffic.tls;

import static dev.phonehome.traffic.tls.BulkCipher.AES_128_CBC;
import static dev.phonehome.traffic.tls.BulkCipher.AES_128_GCM;
import static dev.phonehome.traffic.tls.BulkCipher.AES_256_CBC;
import static dev.phonehome.traffic.tls.BulkCipher.AES_256_GCM;
import static dev.phonehome.traffic.tls.BulkCipher.CHACHA20_POLY1305;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The cipher suites this engine decrypts: the TLS 1.3 suites with a JDK cipher, and the common
 * TLS 1.2 ECDHE/DHE/RSA suites with AES-GCM, ChaCha20-Poly1305 and AES-CBC. One row per suite,
 * as in the IANA registry, so a row can be checked against it by eye.
 */
public final class CipherSuites {
    private static final String SHA256 = "SHA-256";
    private static final String SHA384 = "SHA-384";
    private static final String AEAD = "";
    private static final String HMAC_SHA1 = "HmacSHA1";
    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final String HMAC_SHA384 = "HmacSHA384";
    private static final Map<Integer, CipherSuite> BY_ID = new TreeMap<>();

    static {
        tls13(0x1301, "TLS_AES_128_GCM_SHA256", AES_128_GCM, SHA256);
        tls13(0x1302, "TLS_AES_256_GCM_SHA384", AES_256_GCM, SHA384);
        tls13(0x1303, "TLS_CHACHA20_POLY1305_SHA256", CHACHA20_POLY1305, SHA256);

        tls12(0xC02B, "ECDHE_ECDSA", "AES_128_GCM_SHA256", AES_128_GCM, AEAD, SHA256);
        tls12(0xC02C, "ECDHE_ECDSA", "AES_256_GCM_SHA384", AES_256_GCM, AEAD, SHA384);
        tls12(0xCCA9, "ECDHE_ECDSA", "CHACHA20_POLY1305_SHA256", CHACHA20_POLY1305, AEAD, SHA256);
        tls12(0xC009, "ECDHE_ECDSA", "AES_128_CBC_SHA", AES_128_CBC, HMAC_SHA1, SHA256);
        tls12(0xC00A, "ECDHE_ECDSA", "AES_256_CBC_SHA", AES_256_CBC, HMAC_SHA1, SHA256);
        tls12(0xC023, "ECDHE_ECDSA", "AES_128_CBC_SHA256", AES_128_CBC, HMAC_SHA256, SHA256);
        tls12(0xC024, "ECDHE_ECDSA", "AES_256_CBC_SHA384", AES_256_CBC, HMAC_SHA384, SHA384);

        tls12(0xC02F, "ECDHE_RSA", "AES_128_GCM_SHA256", AES_128_GCM, AEAD, SHA256);
        tls12(0xC030, "ECDHE_RSA", "AES_256_GCM_SHA384", AES_256_GCM, AEAD, SHA384);
        tls12(0xCCA8, "ECDHE_RSA", "CHACHA20_POLY1305_SHA256", CHACHA20_POLY1305, AEAD, SHA256);
        tls12(0xC013, "ECDHE_RSA", "AES_128_CBC_SHA", AES_128_CBC, HMAC_SHA1, SHA256);
        tls12(0xC014, "ECDHE_RSA", "AES_256_CBC_SHA", AES_256_CBC, HMAC_SHA1, SHA256);
        tls12(0xC027, "ECDHE_RSA", "AES_128_CBC_SHA256", AES_128_CBC, HMAC_SHA256, SHA256);
        tls12(0xC028, "ECDHE_RSA", "AES_256_CBC_SHA384", AES_256_CBC, HMAC_SHA384, SHA384);

        tls12(0x009E, "DHE_RSA", "AES_128_GCM_SHA256", AES_128_GCM, AEAD, SHA256);
        tls12(0x009F, "DHE_RSA", "AES_256_GCM_SHA384", AES_256_GCM, AEAD, SHA384);
        tls12(0xCCAA, "DHE_RSA", "CHACHA20_POLY1305_SHA256", CHACHA20_POLY1305, AEAD, SHA256);
        tls12(0x0033, "DHE_RSA", "AES_128_CBC_SHA", AES_128_CBC, HMAC_SHA1, SHA256);
        tls12(0x0039, "DHE_RSA", "AES_256_CBC_SHA", AES_256_CBC, HMAC_SHA1, SHA256);
        tls12(0x0067, "DHE_RSA", "AES_128_CBC_SHA256", AES_128_CBC, HMAC_SHA256, SHA256);
        tls12(0x006B, "DHE_RSA", "AES_256_CBC_SHA256", AES_256_CBC, HMAC_SHA256, SHA256);

        tls12(0x009C, "RSA", "AES_128_GCM_SHA256", AES_128_GCM, AEAD, SHA256);
        tls12(0x009D, "RSA", "AES_256_GCM_SHA384", AES_256_GCM, AEAD, SHA384);
        tls12(0x002F, "RSA", "AES_128_CBC_SHA", AES_128_CBC, HMAC_SHA1, SHA256);
        tls12(0x0035, "RSA", "AES_256_CBC_SHA", AES_256_CBC, HMAC_SHA1, SHA256);
        tls12(0x003C, "RSA", "AES_128_CBC_SHA256", AES_128_CBC, HMAC_SHA256, SHA256);
        tls12(0x003D, "RSA", "AES_256_CBC_SHA256", AES_256_CBC, HMAC_SHA256, SHA256);
    }

    private CipherSuites() {
    }

    /** The suite with IANA code point {@code id}, if this engine can decrypt it. */
    public static Optional<CipherSuite> byId(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The IANA name, or {@code 0xNNNN} for suites outside this table. */
    public static String name(int id) {
        return byId(id).map(CipherSuite::name).orElse(String.format("0x%04X", id));
    }

    private static void tls13(int id, String name, BulkCipher cipher, String hash) {
        BY_ID.put(id, new CipherSuite(id, name, "ANY", cipher, AEAD, hash, true));
    }

    private static void tls12(int id, String kx, String bulkAndMac, BulkCipher cipher, String mac, String prfHash) {
        BY_ID.put(id, new CipherSuite(id, "TLS_" + kx + "_WITH_" + bulkAndMac, kx, cipher, mac, prfHash, false));
    }
}
