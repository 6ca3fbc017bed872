package dev.phonehome.apk.signing;

import dev.phonehome.testkit.ApkBuilder;
import dev.phonehome.testkit.SigningIdentity;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateEncodingException;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** APKs and identities the signing tests are made of, all built in code. */
final class Fixtures {
    /** A tiny, well-formed binary XML chunk header: enough manifest for apksig, with no minSdk in it. */
    static final byte[] EMPTY_MANIFEST = {3, 0, 8, 0, 8, 0, 0, 0};
    /** Stored, so a byte flipped in the file is a byte flipped in the entry's content. */
    static final byte[] DEX = "dex\n035\0 payload that the tampering tests flip".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private Fixtures() {
    }

    static ApkBuilder apk() {
        return new ApkBuilder().manifest(EMPTY_MANIFEST).storedEntry("classes.dex", DEX)
                .entry("res/raw/data.txt", "some resource".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An identity with an explicit subject DN and key type (testkit's generator makes RSA with its own DN). */
    static SigningIdentity identity(String subjectDn, String keyAlgorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
            if (keyAlgorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            KeyPair pair = generator.generateKeyPair();
            // through X500Principal, so the DER order of RDNs is what keytool and Java would write
            X500Name subject = X500Name.getInstance(new X500Principal(subjectDn).getEncoded());
            Instant start = Instant.parse("2025-01-01T00:00:00Z");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(4242),
                    Date.from(start), Date.from(start.plus(3650, ChronoUnit.DAYS)), subject, pair.getPublic());
            String signatureAlgorithm = keyAlgorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return new SigningIdentity(pair.getPrivate(), new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate()))));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(SigningIdentity identity) {
        try {
            return CertificateDescriber.digest("SHA-256", identity.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Offset of the first occurrence of {@code needle} in {@code haystack}. */
    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("needle not found");
    }
}
