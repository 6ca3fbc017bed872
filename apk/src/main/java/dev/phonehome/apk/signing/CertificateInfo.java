package dev.phonehome.apk.signing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a signing certificate says, with fingerprints over its DER encoding exactly as stored in
 * the APK. SHA-256 identifies the signer (as {@code apksigner --print-certs} does); SHA-1 and
 * MD5 are there to cross-reference older reports and databases.
 *
 * @param keyAlgorithm       RSA, EC or DSA (as the JCA names it)
 * @param keyBits            RSA modulus or DSA prime length; EC field size
 * @param keyCurve           the named EC curve, e.g. {@code secp256r1}; its OID when unnamed
 * @param signatureAlgorithm the algorithm the certificate itself is signed with, e.g. {@code SHA256withRSA}
 * @param known              set when the certificate is an AOSP test key or a debug certificate
 */
public record CertificateInfo(String sha256, String sha1, String md5, String subject, String issuer, String serialHex,
        Instant notBefore, Instant notAfter, String keyAlgorithm, int keyBits, Optional<String> keyCurve,
        String signatureAlgorithm, Optional<KnownKey> known) {
    public CertificateInfo {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(keyCurve, "keyCurve");
        Objects.requireNonNull(known, "known");
    }
}
