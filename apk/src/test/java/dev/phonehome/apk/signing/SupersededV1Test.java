package dev.phonehome.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.android.apksig.ApkSigner;
import dev.phonehome.core.Problem;
import dev.phonehome.testkit.SigningIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * The case the default policy must not hide: a v1 signature whose digests no longer match
     * (an entry changed after v1 signing), then a valid v2 signature over the changed file.
     * Android 7.0+ installs it; the report says v1 was not verified, and verifying it fails.
     */
    @Test
    void aTamperedV1UnderAValidV2IsNotVerifiedByDefaultAndFailsOnRequest() throws Exception {
        byte[] v1Only = Files.readAllBytes(Fixtures.apk().signedBy(vendor).schemes(true, false, false).minSdk(18)
                .write(dir.resolve("v1.apk")));
        byte[] payload = "payload".getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(v1Only, payload);
        v1Only[at] ^= 0x20; // classes.dex is stored: its content changes, the v1 digest no longer matches
        Path tampered = Files.write(dir.resolve("tampered-v1.apk"), v1Only);
        Path apk = dir.resolve("tampered-v1-valid-v2.apk");
        // Another signer name, with other signers' signatures preserved: apksig keeps the stale CERT.SF/RSA.
        ApkSigner.SignerConfig config = new ApkSigner.SignerConfig.Builder("V2", vendor.privateKey(),
                new ArrayList<>(List.of(vendor.certificate()))).build();
        new ApkSigner.Builder(List.of(config)).setInputApk(tampered.toFile()).setOutputApk(apk.toFile())
                .setMinSdkVersion(18).setOtherSignersSignaturesPreserved(true).setV1SigningEnabled(false)
                .setV2SigningEnabled(true).setV3SigningEnabled(false).build().sign();

        SigningReport fast = asAndroid.inspect(apk, OptionalInt.of(18));
        SigningReport full = always.inspect(apk, OptionalInt.of(18));

        assertThat(fast.schemes()).containsExactly("v1", "v2");
        assertThat(fast.verified()).as("Android 7.0+ checks v2 only").isTrue();
        assertThat(fast.v1()).hasValueSatisfying(v1 -> {
            assertThat(v1.status()).isEqualTo(JarSignature.Status.NOT_VERIFIED);
            assertThat(v1.reason()).contains(JarSignature.Reason.SKIPPED_V2_PLUS_VERIFIED);
        });
        assertThat(full.v1()).hasValueSatisfying(v1 -> assertThat(v1.status()).isEqualTo(JarSignature.Status.FAILED));
        assertThat(full.problems()).extracting(Problem::code).anyMatch(c -> c.startsWith("signing.JAR_SIG_"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
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
