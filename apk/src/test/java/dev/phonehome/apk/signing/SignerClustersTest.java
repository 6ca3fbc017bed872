package dev.phonehome.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignerClustersTest {
    private static final CertificateInfo PLATFORM = cert("aa");
    private static final CertificateInfo VENDOR = cert("bb");

    @Test
    void groupsApksBySignerAndMarksTheFrameworkSignerAsPlatform() {
        Map<String, SigningReport> reports = Map.of(
                "framework-res.apk", signedBy(PLATFORM),
                "Settings.apk", signedBy(PLATFORM),
                "SystemUI.apk", signedBy(PLATFORM),
                "Browser.apk", signedBy(VENDOR),
                "Unsigned.apk", new SigningReport(false, Set.of(), List.of(), false, List.of(), Optional.empty(), Optional.empty()));

        SignerClusters clusters = SignerClusters.of(reports, Set.of("framework-res.apk"));

        assertThat(clusters.clusters()).hasSize(2);
        assertThat(clusters.platform()).hasValueSatisfying(c -> {
            assertThat(c.certificate().sha256()).isEqualTo(PLATFORM.sha256());
            assertThat(c.apkIds()).containsExactly("Settings.apk", "SystemUI.apk", "framework-res.apk");
        });
        assertThat(clusters.clusters().get(1).platform()).isFalse();
        assertThat(clusters.clusters().get(1).apkIds()).containsExactly("Browser.apk");
    }

    @Test
    void withoutPlatformFactsNoClusterIsPlatformAndTiesAreOrderedByFingerprint() {
        SignerClusters clusters = SignerClusters.of(Map.of("a.apk", signedBy(VENDOR), "b.apk", signedBy(PLATFORM)),
                Set.of());

        assertThat(clusters.platform()).isEmpty();
        assertThat(clusters.clusters()).extracting(c -> c.certificate().sha256())
                .containsExactly(PLATFORM.sha256(), VENDOR.sha256());
    }

    @Test
    void anApkWithTwoSignersJoinsBothClusters() {
        SigningReport both = new SigningReport(true, Set.of("v2"), List.of(signer(PLATFORM), signer(VENDOR)), true,
                List.of(), Optional.empty(), Optional.empty());

        SignerClusters clusters = SignerClusters.of(Map.of("both.apk", both), Set.of("both.apk"));

        assertThat(clusters.clusters()).hasSize(2).allSatisfy(c -> {
            assertThat(c.apkIds()).containsExactly("both.apk");
            assertThat(c.platform()).isTrue();
        });
    }

    private static SigningReport signedBy(CertificateInfo cert) {
        return new SigningReport(true, Set.of("v2"), List.of(signer(cert)), true, List.of(), Optional.empty(), Optional.empty());
    }

    private static SignerInfo signer(CertificateInfo cert) {
        return new SignerInfo(cert, List.of(), Set.of("v2"), true, Set.of("RSA_PKCS1_V1_5_WITH_SHA256"));
    }

    private static CertificateInfo cert(String hexByte) {
        return new CertificateInfo(hexByte.repeat(32), hexByte.repeat(20), hexByte.repeat(16), "CN=" + hexByte,
                "CN=" + hexByte, "1", Instant.EPOCH, Instant.EPOCH, "RSA", 2048, Optional.empty(), "SHA256withRSA",
                Optional.empty());
    }
}
