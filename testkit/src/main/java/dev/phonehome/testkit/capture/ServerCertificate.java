package dev.phonehome.testkit.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;

/**
 * A self-signed P-256 server certificate for one host name, made from a seeded random so the
 * same host gets the same key and certificate on every build.
 *
 * @param privateKey the server's signing key
 * @param encoded    the DER certificate
 */
public record ServerCertificate(ECPrivateKeyParameters privateKey, byte[] encoded) {
    private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");

    public static ServerCertificate forHost(String host) {
        SecureRandom random = new SeededRandom("server certificate " + host);
        X9ECParameters curve = ECNamedCurveTable.getByName("secp256r1");
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(new ECDomainParameters(curve), random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + host + ", O=phonehome sample");
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, new BigInteger(64, random).add(BigInteger.ONE),
                    Date.from(NOT_BEFORE), Date.from(NOT_BEFORE.plus(825, ChronoUnit.DAYS)), name,
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
            AlgorithmIdentifier signature = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            AlgorithmIdentifier digest = new DefaultDigestAlgorithmIdentifierFinder().find(signature);
            byte[] der = builder.build(new BcECContentSignerBuilder(signature, digest).setSecureRandom(random)
                    .build(pair.getPrivate())).getEncoded();
            return new ServerCertificate((ECPrivateKeyParameters) pair.getPrivate(), der);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the certificate of " + host, e);
        }
    }

    public ServerCertificate {
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }
}
