package dev.phonehome.traffic.tls;

/**
 * One cipher suite of the IANA registry, as far as decryption cares.
 *
 * @param id          IANA code point
 * @param name        IANA name, e.g. {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}
 * @param keyExchange {@code ECDHE_RSA}, {@code RSA}, ... ; {@code ANY} for TLS 1.3 suites
 * @param cipher      record encryption
 * @param mac         HMAC algorithm name for CBC suites ({@code HmacSHA1}...), empty for AEAD
 * @param hash        PRF / HKDF hash ({@code SHA-256} or {@code SHA-384})
 * @param tls13       whether this is a TLS 1.3 suite
 */
public record CipherSuite(int id, String name, String keyExchange, BulkCipher cipher, String mac,
                          String hash, boolean tls13) {

    /** HMAC key and tag length for CBC suites, 0 for AEAD suites. */
    public int macLength() {
        return switch (mac) {
            case "HmacSHA1" -> 20;
            case "HmacSHA256" -> 32;
            case "HmacSHA384" -> 48;
            default -> 0;
        };
    }

    /** Output length of {@link #hash()}. */
    public int hashLength() {
        return "SHA-384".equals(hash) ? 48 : 32;
    }

    /** The JCA HMAC name of {@link #hash()}, for PRF and HKDF. */
    String hmacOfHash() {
        return "SHA-384".equals(hash) ? "HmacSHA384" : "HmacSHA256";
    }
}
