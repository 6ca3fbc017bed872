package dev.phonehome.traffic.tls;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * One certificate of a chain as sent by the server.
 *
 * @param subject RFC 2253 subject name, empty when the DER could not be parsed
 * @param issuer  RFC 2253 issuer name, empty when the DER could not be parsed
 * @param sha256  lower-case hex SHA-256 of the DER bytes (the usual certificate fingerprint)
 */
public record CertificateInfo(String subject, String issuer, String sha256) {

    static CertificateInfo of(byte[] der) {
        String fingerprint = HexFormat.of().formatHex(sha256(der));
        return parse(der)
                .map(c -> new CertificateInfo(
                        c.getSubjectX500Principal().getName(X500Principal.RFC2253),
                        c.getIssuerX500Principal().getName(X500Principal.RFC2253),
                        fingerprint))
                .orElse(new CertificateInfo("", "", fingerprint));
    }

    /** Whether the DER parsed as an X.509 certificate. */
    public boolean parsed() {
        return !subject.isEmpty() || !issuer.isEmpty();
    }

    private static Optional<X509Certificate> parse(byte[] der) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return Optional.of((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | RuntimeException e) {
            // The JDK parser signals some malformed DER with unchecked exceptions; either way, unparsed.
            return Optional.empty();
        }
    }

    private static byte[] sha256(byte[] der) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(der);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
