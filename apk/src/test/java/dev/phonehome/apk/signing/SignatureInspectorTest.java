package dev.phonehome.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.core.Problem;
import dev.phonehome.testkit.SigningIdentity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignatureInspectorTest {
    static SigningIdentity rsa;
    @TempDir
    Path dir;
    final SignatureInspector inspector = new SignatureInspector();
    final SignatureInspector full = new SignatureInspector(KnownKeys.load(), SignatureInspector.V1Policy.ALWAYS);

    @BeforeAll
    static void identities() {
        rsa = SigningIdentity.generate("signing-test");
    }

    @Test
    void v1OnlyApkVerifiesFromApiLevelOne() {
        Path apk = Fixtures.apk().signedBy(rsa).schemes(true, false, false).minSdk(1).write(dir.resolve("v1.apk"));

        SigningReport report = inspector.inspect(apk, OptionalInt.of(1));

        assertThat(report.signed()).isTrue();
        assertThat(report.verified()).isTrue();
        assertThat(report.schemes()).containsExactly("v1");
        assertThat(report.signers()).singleElement().satisfies(s -> {
            assertThat(s.schemes()).containsExactly("v1");
            assertThat(s.verified()).isTrue();
            assertThat(s.certificate().sha256()).isEqualTo(Fixtures.sha256(rsa));
        });
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void v2OnlyApkVerifiesFromNougatButNotBelow() {
        Path apk = Fixtures.apk().signedBy(rsa).schemes(false, true, false).write(dir.resolve("v2.apk"));

        SigningReport from24 = inspector.inspect(apk, OptionalInt.of(24));
        SigningReport from1 = inspector.inspect(apk, OptionalInt.of(1));

        assertThat(from24.verified()).isTrue();
        assertThat(from24.schemes()).containsExactly("v2");
        assertThat(from24.signers()).singleElement().satisfies(s ->
                assertThat(s.signatureAlgorithms()).containsExactly("RSA_PKCS1_V1_5_WITH_SHA256"));
        assertThat(from1.verified()).as("no v1 signature for Android < 7").isFalse();
        assertThat(from1.problems()).extracting(Problem::code).contains("signing.JAR_SIG_NO_MANIFEST");
    }

    @Test
    void v1v2v3ApkHasOneSignerWithThreeSchemesAndItsCertificateFacts() {
        Path apk = Fixtures.apk().signedBy(rsa).schemes(true, true, true).write(dir.resolve("v123.apk"));

        SigningReport report = inspector.inspect(apk, OptionalInt.of(24));

        assertThat(report.verified()).isTrue();
        assertThat(report.schemes()).containsExactly("v1", "v2", "v3");
        SignerInfo signer = report.signers().get(0);
        assertThat(report.signers()).hasSize(1);
        assertThat(signer.schemes()).as("Android ignores v1 from API 24 on, so apksig does too")
                .containsExactly("v2", "v3");
        assertThat(report.v1()).hasValueSatisfying(v1 -> {
            assertThat(v1.status()).isEqualTo(JarSignature.Status.NOT_VERIFIED);
            assertThat(v1.reason()).contains(JarSignature.Reason.NOT_USED_BY_ANDROID);
            assertThat(v1.unverifiedCertificates()).singleElement().isEqualTo(signer.certificate());
        });
        assertThat(full.inspect(apk, OptionalInt.of(18)).signers().get(0).schemes())
                .containsExactly("v1", "v2", "v3");
        assertThat(signer.lineage()).isEmpty();
        CertificateInfo cert = signer.certificate();
        assertThat(cert.subject()).as("RFC 2253 rendering of a keytool-style subject").isEqualTo("CN=signing-test,O=phonehome testkit");
        assertThat(cert.issuer()).isEqualTo(cert.subject());
        assertThat(cert.keyAlgorithm()).isEqualTo("RSA");
        assertThat(cert.keyBits()).isEqualTo(2048);
        assertThat(cert.keyCurve()).isEmpty();
        assertThat(cert.signatureAlgorithm()).isEqualTo("SHA256withRSA");
        assertThat(cert.serialHex()).isEqualTo(rsa.certificate().getSerialNumber().toString(16));
        assertThat(cert.notBefore()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(cert.sha1()).hasSize(40);
        assertThat(cert.md5()).hasSize(32);
        assertThat(cert.known()).isEmpty();
    }

    @Test
    void unsignedApkIsReportedAsUnsignedWithoutProblems() {
        Path apk = Fixtures.apk().write(dir.resolve("unsigned.apk"));

        SigningReport report = inspector.inspect(apk, OptionalInt.of(24));

        assertThat(report.signed()).isFalse();
        assertThat(report.verified()).isFalse();
        assertThat(report.schemes()).isEmpty();
        assertThat(report.signers()).isEmpty();
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void byteFlippedInClassesDexAfterSigningFailsWithApksigDigestIssue() throws Exception {
        Path apk = Fixtures.apk().signedBy(rsa).schemes(false, true, false).write(dir.resolve("tampered-dex.apk"));
        byte[] bytes = Files.readAllBytes(apk);
        bytes[Fixtures.indexOf(bytes, "payload".getBytes(StandardCharsets.ISO_8859_1))] ^= 0x20;
        Files.write(apk, bytes);

        SigningReport report = inspector.inspect(apk, OptionalInt.of(24));

        assertThat(report.signed()).isTrue();
        assertThat(report.verified()).isFalse();
        assertThat(report.signers()).singleElement().satisfies(s -> assertThat(s.verified()).isFalse());
        assertThat(report.problems()).extracting(Problem::code).contains("signing.V2_SIG_APK_DIGEST_DID_NOT_VERIFY");
    }

    @Test
    void byteFlippedInAJarSignedEntryFailsWithTheV1DigestIssue() throws Exception {
        Path apk = Fixtures.apk().signedBy(rsa).schemes(true, false, false).minSdk(1).write(dir.resolve("tampered-v1.apk"));
        byte[] bytes = Files.readAllBytes(apk);
        bytes[Fixtures.indexOf(bytes, "payload".getBytes(StandardCharsets.ISO_8859_1))] ^= 0x20;
        Files.write(apk, bytes);

        SigningReport report = inspector.inspect(apk, OptionalInt.of(1));

        assertThat(report.verified()).isFalse();
        assertThat(report.problems()).extracting(Problem::code).contains("signing.JAR_SIG_ZIP_ENTRY_DIGEST_DID_NOT_VERIFY");
    }

    @Test
    void inspectingTwiceGivesEqualReports() {
        Path apk = Fixtures.apk().signedBy(rsa).schemes(true, true, true).write(dir.resolve("twice.apk"));

        assertThat(inspector.inspect(apk, OptionalInt.of(18))).isEqualTo(inspector.inspect(apk, OptionalInt.of(18)));
    }

    @Test
    void ecKeyIsDescribedWithCurveAndEcdsaAlgorithm() {
        SigningIdentity ec = Fixtures.identity("CN=ec signer", "EC");
        Path apk = Fixtures.apk().signedBy(ec).schemes(false, true, false).write(dir.resolve("ec.apk"));

        SigningReport report = inspector.inspect(apk, OptionalInt.of(24));

        assertThat(report.verified()).isTrue();
        SignerInfo signer = report.signers().get(0);
        assertThat(signer.certificate().keyAlgorithm()).isEqualTo("EC");
        assertThat(signer.certificate().keyBits()).isEqualTo(256);
        assertThat(signer.certificate().keyCurve()).contains("secp256r1");
        assertThat(signer.certificate().signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(signer.signatureAlgorithms()).containsExactly("ECDSA_WITH_SHA256");
    }

    @Test
    void truncatedSigningBlockGivesAProblemAndTheNextApkIsStillInspected() throws Exception {
        Path good = Fixtures.apk().signedBy(rsa).schemes(false, true, false).write(dir.resolve("good.apk"));
        byte[] bytes = Files.readAllBytes(good);
        int magic = Fixtures.indexOf(bytes, "APK Sig Block 42".getBytes(StandardCharsets.US_ASCII));
        // cut the block short: keep everything before its middle, then the central directory onwards
        int blockStart = magic + 16 - (int) readLong(bytes, magic - 8) - 8;
        byte[] truncated = concat(Arrays.copyOfRange(bytes, 0, blockStart + (magic - blockStart) / 2),
                Arrays.copyOfRange(bytes, magic + 16, bytes.length));
        Path bad = dir.resolve("truncated-signing-block.apk");
        Files.write(bad, truncated);

        SigningReport badReport = inspector.inspect(bad, OptionalInt.of(24));
        SigningReport goodReport = inspector.inspect(good, OptionalInt.of(24));

        assertThat(badReport.verified()).isFalse();
        assertThat(badReport.problems()).isNotEmpty();
        assertThat(badReport.problems()).allSatisfy(p -> assertThat(p.code()).startsWith("signing."));
        assertThat(goodReport.verified()).isTrue();
    }

    @Test
    void certificateListedInKnownKeysIsFlagged() {
        KnownKeys known = KnownKeys.of(Map.of(Fixtures.sha256(rsa),
                new KnownKey("test-platform", KnownKey.Kind.AOSP_TEST_KEY, "made by this test")), Map.of());
        Path apk = Fixtures.apk().signedBy(rsa).schemes(false, true, false).write(dir.resolve("known.apk"));

        SigningReport report = new SignatureInspector(known).inspect(apk, OptionalInt.of(24));

        assertThat(report.signers().get(0).certificate().known()).hasValueSatisfying(k -> {
            assertThat(k.name()).isEqualTo("test-platform");
            assertThat(k.kind()).isEqualTo(KnownKey.Kind.AOSP_TEST_KEY);
        });
    }

    @Test
    void androidDebugSubjectIsFlaggedByTheShippedKnowledgeFile() {
        SigningIdentity debug = Fixtures.identity("CN=Android Debug, O=Android, C=US", "RSA");
        Path apk = Fixtures.apk().signedBy(debug).schemes(true, true, false).write(dir.resolve("debug.apk"));

        SigningReport report = inspector.inspect(apk, OptionalInt.of(24));

        assertThat(report.signers().get(0).certificate().known())
                .map(KnownKey::kind).contains(KnownKey.Kind.DEBUG);
        assertThat(new X500Principal(report.signers().get(0).certificate().subject()))
                .isEqualTo(new X500Principal("CN=Android Debug, O=Android, C=US"));
    }

    @Test
    void missingManifestMinSdkFallsBackToApiLevelOneWithAProblem() {
        Path apk = Fixtures.apk().signedBy(rsa).schemes(true, true, false).minSdk(1).write(dir.resolve("nominsdk.apk"));

        SigningReport report = inspector.inspect(apk, OptionalInt.empty());

        assertThat(report.verified()).isTrue();
        assertThat(report.problems()).extracting(Problem::code).doesNotContain("signing.MALFORMED_APK");
    }

    @Test
    void notAZipIsAMalformedApkProblem() throws Exception {
        Path apk = dir.resolve("garbage.apk");
        Files.write(apk, "this is not a zip file at all".getBytes(StandardCharsets.US_ASCII));

        SigningReport report = inspector.inspect(apk, OptionalInt.empty());

        assertThat(report.signed()).isFalse();
        assertThat(report.problems()).extracting(Problem::code).contains("signing.MALFORMED_APK");
    }

    @Test
    void apkThatNeverDeliversItsBytesIsATimeoutProblem() throws Exception {
        // a named pipe with no writer: opening it blocks forever, as a hostile device node in an extracted image would
        Path fifo = dir.resolve("never-ending.apk");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        SigningReport report = new SignatureInspector(KnownKeys.load(), SignatureInspector.V1Policy.AS_ANDROID,
                java.time.Duration.ofMillis(300))
                .inspect(fifo, OptionalInt.of(24));

        assertThat(report.verified()).isFalse();
        assertThat(report.problems()).extracting(Problem::code).containsExactly("signing.TIMEOUT");
        try (var unblockTheWorker = Files.newOutputStream(fifo)) {
            unblockTheWorker.flush();
        }
    }

    private static long readLong(byte[] b, int at) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
