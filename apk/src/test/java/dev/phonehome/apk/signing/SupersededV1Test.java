package dev.phonehome.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import dev.phonehome.testkit.SigningIdentity;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A v1 signature next to a verifying v2 signature: skipped by default as Android 7.0+ skips it,
 * still visible (certificates, reason), and verified on request.
 */
class SupersededV1Test {
    static SigningIdentity vendor;
    @TempDir
    Path dir;
    final SignatureInspector asAndroid = new SignatureInspector();
    final SignatureInspector always = new SignatureInspector(KnownKeys.load(), SignatureInspector.V1Policy.ALWAYS);

    @BeforeAll
    static void identities() {
        vendor = SigningIdentity.generate("vendor");
    }

    @Test
    void v1NextToVerifyingV2IsSkippedForAnOldMinSdkAndVerifiedOnRequest() {
        Path apk = Fixtures.apk().signedBy(vendor).schemes(true, true, false).minSdk(18).write(dir.resolve("v12.apk"));

        SigningReport fast = asAndroid.inspect(apk, OptionalInt.of(18));
        SigningReport full = always.inspect(apk, OptionalInt.of(18));

        assertThat(fast.verified()).isTrue();
        assertThat(fast.schemes()).containsExactly("v1", "v2");
        assertThat(fast.signers()).singleElement().satisfies(s -> assertThat(s.schemes()).containsExactly("v2"));
        assertThat(fast.v1()).hasValueSatisfying(v1 -> {
            assertThat(v1.status()).isEqualTo(JarSignature.Status.NOT_VERIFIED);
            assertThat(v1.reason()).contains(JarSignature.Reason.SKIPPED_V2_PLUS_VERIFIED);
            assertThat(v1.unverifiedCertificates()).extracting(CertificateInfo::sha256).containsExactly(Fixtures.sha256(vendor));
        });
        assertThat(full.verified()).isTrue();
        assertThat(full.signers()).singleElement().satisfies(s -> assertThat(s.schemes()).containsExactly("v1", "v2"));
        assertThat(full.v1()).hasValueSatisfying(v1 -> {
            assertThat(v1.status()).isEqualTo(JarSignature.Status.VERIFIED);
            assertThat(v1.reason()).isEmpty();
            assertThat(v1.unverifiedCertificates()).isEmpty();
        });
    }

    @Test
    void v2OnlyApkWithAnOldMinSdkStillFailsForLackOfV1() {
        Path apk = Fixtures.apk().signedBy(vendor).schemes(false, true, false).write(dir.resolve("v2.apk"));

        SigningReport report = asAndroid.inspect(apk, OptionalInt.of(18));

        assertThat(report.verified()).isFalse();
        assertThat(report.v1()).isEmpty();
        assertThat(report.problems()).extracting(Problem::code).contains("signing.JAR_SIG_NO_MANIFEST");
    }
}
