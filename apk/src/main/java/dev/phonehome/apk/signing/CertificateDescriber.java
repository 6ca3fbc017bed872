package dev.phonehome.apk.signing;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** Turns an X.509 certificate into a {@link CertificateInfo}. */
final class CertificateDescriber {
    private static final Map<String, String> CURVE_NAMES = Map.of(
            "1.2.840.10045.3.1.7", "secp256r1",
            "1.3.132.0.34", "secp384r1",
            "1.3.132.0.35", "secp521r1");

    private final KnownKeys knownKeys;

    CertificateDescriber(KnownKeys knownKeys) {
        this.knownKeys = knownKeys;
    }

    CertificateInfo describe(X509Certificate cert) throws CertificateEncodingException {
        byte[] der = cert.getEncoded();
        String sha256 = digest("SHA-256", der);
        PublicKey key = cert.getPublicKey();
        return new CertificateInfo(sha256, digest("SHA-1", der), digest("MD5", der),
                cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getSerialNumber().toString(16), cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(),
                key.getAlgorithm(), keyBits(key), curve(key), cert.getSigAlgName(),
                knownKeys.match(sha256, cert.getSubjectX500Principal()));
    }

    static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides " + algorithm, e);
        }
    }

    private static int keyBits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAPublicKey dsa && dsa.getParams() != null) {
            return dsa.getParams().getP().bitLength();
        }
        return 0;
    }

    private static Optional<String> curve(PublicKey key) {
        if (!(key instanceof ECPublicKey ec)) {
            return Optional.empty();
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(ec.getParams());
            String oid = parameters.getParameterSpec(ECGenParameterSpec.class).getName();
            return Optional.of(CURVE_NAMES.getOrDefault(oid, oid));
        } catch (GeneralSecurityException e) {
            // explicit (unnamed) curve parameters: the field size in keyBits is all there is to say
            return Optional.empty();
        }
    }
}
