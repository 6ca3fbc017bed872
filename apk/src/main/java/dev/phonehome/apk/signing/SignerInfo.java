package dev.phonehome.apk.signing;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One signer of an APK, merged over the schemes it signed with (a v1+v2+v3 APK signed with one
 * key has one signer with three schemes).
 *
 * @param certificate         the signer's certificate
 * @param lineage             for v3 key rotation: the certificates of the lineage, oldest first, ending
 *                            with this signer's; empty without rotation
 * @param schemes             the schemes apksig checked for this signer, sorted: {@code v1}, {@code v2},
 *                            {@code v3}, {@code v3.1}, {@code v4}. A v1 block that was not checked (see
 *                            {@link SigningReport#v1()}) shows in the report's schemes only
 * @param verified            whether every scheme block of this signer verified without error
 * @param signatureAlgorithms APK signature algorithms of the v2+ blocks (e.g. {@code RSA_PKCS1_V1_5_WITH_SHA256}), sorted
 */
public record SignerInfo(CertificateInfo certificate, List<CertificateInfo> lineage, Set<String> schemes,
        boolean verified, Set<String> signatureAlgorithms) {
    public SignerInfo {
        Objects.requireNonNull(certificate, "certificate");
        lineage = List.copyOf(lineage);
        schemes = SortedSets.copyOf(schemes);
        signatureAlgorithms = SortedSets.copyOf(signatureAlgorithms);
    }
}
