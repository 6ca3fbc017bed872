package dev.phonehome.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.android.apksig.ApkSigner;
import com.android.apksig.SigningCertificateLineage;
import dev.phonehome.core.Problem;
import dev.phonehome.testkit.SigningIdentity;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schemes testkit's builder does not make (v4, v3.1 rotation, source stamp), signed here with apksig directly. */
class ApksigFeaturesTest {
    private static final SigningIdentity OLD = SigningIdentity.generate("rotated-from");
    private static final SigningIdentity NEW = SigningIdentity.generate("rotated-to");
    private static final SigningIdentity STORE = SigningIdentity.generate("app store stamp");
    @TempDir
    Path dir;
    final SignatureInspector inspector = new SignatureInspector();

    @Test
    void idsigBesideTheApkIsVerifiedAsV4() throws Exception {
        Path apk = dir.resolve("v4.apk");
        sign(signer(OLD), apk, builder -> builder.setV4SigningEnabled(true)
                .setV4SignatureOutputFile(new File(apk + ".idsig")));

        SigningReport report = inspector.inspect(apk, OptionalInt.of(24));

        assertThat(report.verified()).as(report.problems().toString()).isTrue();
        assertThat(report.schemes()).contains("v4");
        assertThat(report.signers()).singleElement().satisfies(s -> assertThat(s.schemes()).contains("v2", "v3", "v4"));
    }

    @Test
    void corruptIdsigIsAV4Problem() throws Exception {
        Path apk = dir.resolve("v4-corrupt.apk");
        Path idsig = Path.of(apk + ".idsig");
        sign(signer(OLD), apk, builder -> builder.setV4SigningEnabled(true).setV4SignatureOutputFile(idsig.toFile()));
        byte[] bytes = Files.readAllBytes(idsig);
        // version, hashing-info size, hash algorithm, log2 block size, salt length: then the root hash
        bytes[4 + 4 + 4 + 1 + 4 + 4 + 3] ^= 0x5a;
        Files.write(idsig, bytes);

        SigningReport report = inspector.inspect(apk, OptionalInt.of(24));

        assertThat(report.verified()).as(report.toString()).isFalse();
        assertThat(report.problems()).extracting(Problem::code).anyMatch(code -> code.startsWith("signing.V4_SIG_"));
    }

    @Test
    void keyRotationForAndroid13IsReportedAsV31WithLineage() throws Exception {
        SigningCertificateLineage lineage = new SigningCertificateLineage.Builder(
                new SigningCertificateLineage.SignerConfig.Builder(OLD.privateKey(), OLD.certificate()).build(),
                new SigningCertificateLineage.SignerConfig.Builder(NEW.privateKey(), NEW.certificate()).build()).build();
        Path apk = dir.resolve("rotated.apk");
        sign(List.of(signer(OLD).get(0), signer(NEW).get(0)), apk,
                builder -> builder.setSigningCertificateLineage(lineage).setMinSdkVersionForRotation(33));

        SigningReport report = inspector.inspect(apk, OptionalInt.of(24));

        assertThat(report.verified()).as(report.problems().toString()).isTrue();
        assertThat(report.schemes()).contains("v3", "v3.1");
        SignerInfo rotated = report.signers().stream().filter(s -> s.schemes().contains("v3.1")).findFirst().orElseThrow();
        assertThat(rotated.certificate().sha256()).isEqualTo(Fixtures.sha256(NEW));
        assertThat(rotated.lineage()).extracting(CertificateInfo::sha256)
                .containsExactly(Fixtures.sha256(OLD), Fixtures.sha256(NEW));
    }

    @Test
    void sourceStampIsReportedWithItsSigner() throws Exception {
        Path apk = dir.resolve("stamped.apk");
        sign(signer(OLD), apk, builder -> builder.setSourceStampSignerConfig(signer(STORE).get(0)));

        SigningReport report = inspector.inspect(apk, OptionalInt.of(24));

        assertThat(report.sourceStamp()).hasValueSatisfying(stamp -> {
            assertThat(stamp.status()).isEqualTo("STAMP_VERIFIED");
            assertThat(stamp.certificate()).map(CertificateInfo::sha256).contains(Fixtures.sha256(STORE));
        });
        assertThat(report.signers()).extracting(s -> s.certificate().sha256()).containsExactly(Fixtures.sha256(OLD));
    }

    private static List<ApkSigner.SignerConfig> signer(SigningIdentity identity) {
        return List.of(new ApkSigner.SignerConfig.Builder(identity.certificate().getSubjectX500Principal().getName(),
                identity.privateKey(), new ArrayList<>(List.of(identity.certificate()))).build());
    }

    private void sign(List<ApkSigner.SignerConfig> signers, Path out, Customizer customizer) throws Exception {
        Path unsigned = dir.resolve(out.getFileName() + ".unsigned");
        Files.write(unsigned, Fixtures.apk().buildUnsigned());
        ApkSigner.Builder builder = new ApkSigner.Builder(signers).setInputApk(unsigned.toFile()).setOutputApk(out.toFile())
                .setMinSdkVersion(24).setV1SigningEnabled(false).setV2SigningEnabled(true).setV3SigningEnabled(true);
        customizer.customize(builder);
        builder.build().sign();
    }

    private interface Customizer {
        void customize(ApkSigner.Builder builder);
    }
}
