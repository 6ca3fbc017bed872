package dev.phonehome.testkit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A private key with its self-signed certificate, made fresh for a test or the sample. */
public record SigningIdentity(PrivateKey privateKey, X509Certificate certificate) {

    /** A new RSA-2048 key and a self-signed certificate with subject {@code CN=commonName, O=phonehome testkit}. */
    public static SigningIdentity generate(String commonName) {
        return generateWithSubject("CN=" + commonName + ", O=phonehome testkit");
    }

    /** A new RSA-2048 key and a self-signed certificate with the given X.500 subject. */
    public static SigningIdentity generateWithSubject(String distinguishedName) {
        return make(distinguishedName, new SecureRandom());
    }

    /**
     * The same key and certificate every time for the same subject: the key comes from a
     * SHA1PRNG seeded with the subject, so the bundled sample is byte-identical on every build.
     * Anyone can derive these keys; only for samples.
     */
    public static SigningIdentity derivedFromSubject(String distinguishedName) {
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(distinguishedName.getBytes(StandardCharsets.UTF_8)); // before any output: replaces self-seeding
            return make(distinguishedName, seeded);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides SHA1PRNG", e);
        }
    }

    private static SigningIdentity make(String distinguishedName, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            KeyPair pair = generator.generateKeyPair();
            // Encoded as the JDK and keytool encode it (RFC 2253 order), as on real signing certificates.
            X500Name subject = X500Name.getInstance(new X500Principal(distinguishedName).getEncoded());
            Instant now = Instant.parse("2025-01-01T00:00:00Z");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    BigInteger.valueOf(distinguishedName.hashCode() & 0x7fffffffL).add(BigInteger.ONE),
                    Date.from(now), Date.from(now.plus(3650, ChronoUnit.DAYS)), subject, pair.getPublic());
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new SigningIdentity(pair.getPrivate(), cert);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a signing identity", e);
        }
    }
}
