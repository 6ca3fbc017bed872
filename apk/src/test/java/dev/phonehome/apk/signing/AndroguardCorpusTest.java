package dev.phonehome.apk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.phonehome.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real APKs: Debian's androguard package ships AOSP apksig's signing conformance corpus
 * ({@code examples/signing/apksig}: APKs named after what is wrong with them, plus the
 * certificates they were signed with) and a few real apps. Verdicts must match the file names;
 * certificates must match the corpus's own PEMs, keytool and (when installed) apksigner.
 */
class AndroguardCorpusTest {
    private static final Path ANDROGUARD = Path.of("/usr/share/doc/androguard");
    private static final Path CORPUS = ANDROGUARD.resolve("examples/signing/apksig");
    /** e.g. v2-only-with-rsa-pkcs1-sha256-2048-digest-mismatch.apk: scheme, algorithm, key, defect. */
    private static final Pattern NAMED = Pattern.compile(
            "(v[123])-only-with-(rsa|ecdsa|dsa)-.*?-(p\\d+|\\d+)(-sig-does-not-verify|-digest-mismatch)?\\.apk");
    /** v1 from the manifest's minSdk (as apksig's own tests do); v2 and v3 from the first platform that reads them. */
    private static final Map<String, OptionalInt> MIN_SDK_FOR_SCHEME = Map.of(
            "v1", OptionalInt.empty(), "v2", OptionalInt.of(24), "v3", OptionalInt.of(28));
    private static final Pattern KEYTOOL_SHA256 = Pattern.compile("SHA256: ([0-9A-F:]{95})");

    private static final SignatureInspector INSPECTOR = new SignatureInspector();
    private static final Map<String, SigningReport> REPORTS = new TreeMap<>();

    @BeforeAll
    static void inspectEveryApkOnce() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "Debian package androguard (installed by .ci/run) is not installed");
        try (Stream<Path> files = Files.walk(ANDROGUARD)) {
            for (Path apk : files.filter(p -> p.toString().endsWith(".apk"))
                    .filter(p -> !p.toString().toLowerCase(Locale.ROOT).contains("malware")).sorted().toList()) {
                REPORTS.put(ANDROGUARD.relativize(apk).toString(), INSPECTOR.inspect(apk, OptionalInt.empty()));
            }
        }
    }

    @Test
    void everyApkYieldsAReportWithCodedProblemsAndWellFormedFingerprints() {
        assertThat(REPORTS).hasSizeGreaterThan(300);
        REPORTS.forEach((name, report) -> {
            assertThat(report.problems()).as(name).allSatisfy(p -> assertThat(p.code()).matches("signing\\.[A-Z0-9_]+"));
            assertThat(report.signers()).as(name).allSatisfy(s -> assertThat(s.certificate().sha256()).matches("[0-9a-f]{64}"));
            assertThat(report.verified() && !report.signed()).as(name + ": verified but unsigned").isFalse();
        });
    }

    @Test
    void verdictAndSignerMatchWhatTheFileNameSays() throws Exception {
        int checked = 0;
        for (Path apk : corpusApks()) {
            Matcher name = NAMED.matcher(apk.getFileName().toString());
            if (!name.matches() || unsupportedOnEveryPlatform(apk)) {
                continue;
            }
            String scheme = name.group(1);
            SigningReport report = INSPECTOR.inspect(apk, MIN_SDK_FOR_SCHEME.get(scheme));
            String defect = name.group(4);
            if (defect == null) {
                assertThat(report.verified()).as(apk.getFileName() + " " + report.problems()).isTrue();
                assertThat(report.schemes()).as(apk.getFileName().toString()).containsExactly(scheme);
                assertThat(report.signers()).as(apk.getFileName().toString()).singleElement().satisfies(s ->
                        assertThat(s.certificate().sha256()).isEqualTo(corpusCertificate(name.group(2), name.group(3))));
            } else {
                String expected = "signing." + scheme.toUpperCase(Locale.ROOT)
                        + (defect.equals("-digest-mismatch") ? "_SIG_APK_DIGEST_DID_NOT_VERIFY" : "_SIG_DID_NOT_VERIFY");
                assertThat(report.verified()).as(apk.getFileName().toString()).isFalse();
                assertThat(report.problems()).extracting(Problem::code).as(apk.getFileName().toString()).contains(expected);
            }
            checked++;
        }
        assertThat(checked).as("corpus APKs whose names state key and verdict").isGreaterThan(150);
    }

    @Test
    void tamperedAndStrippedCorpusApksDoNotVerify() {
        for (String defective : List.of("v2-stripped.apk", "v3-stripped.apk", "v2-only-cert-and-public-key-mismatch.apk",
                "v2-only-apk-sig-block-size-mismatch.apk", "v1-only-with-signed-attrs-wrong-signature.apk",
                "v1v2v3-with-rsa-2048-lineage-3-signers-invalid-lineage-attr.apk", "v2-only-truncated-cd.apk")) {
            SigningReport report = REPORTS.get("examples/signing/apksig/" + defective);
            assertThat(report.verified()).as(defective).isFalse();
            assertThat(report.problems()).as(defective).isNotEmpty();
        }
        assertThat(REPORTS.get("examples/signing/apksig/v2-only-apk-sig-block-size-mismatch.apk").problems())
                .extracting(Problem::code).contains("signing.SIGNING_BLOCK_MALFORMED");
    }

    /**
     * Skipping a v1 signature that a v2+ signature supersedes changes no verdict but those it
     * left unchecked, and the certificates read from its signature blocks are the ones apksig's
     * full v1 verification names.
     */
    @Test
    void skippingSupersededV1KeepsEveryOtherVerdictAndNamesTheSameCertificates() throws Exception {
        SignatureInspector full = new SignatureInspector(KnownKeys.load(), SignatureInspector.V1Policy.ALWAYS);
        int skipped = 0;
        for (Map.Entry<String, SigningReport> entry : REPORTS.entrySet()) {
            String name = entry.getKey();
            SigningReport fast = entry.getValue();
            SigningReport slow = full.inspect(ANDROGUARD.resolve(name), OptionalInt.empty());
            boolean v1Skipped = fast.v1().map(v -> v.status() == JarSignature.Status.NOT_VERIFIED
                    && v.reason().orElseThrow() != JarSignature.Reason.NOT_REACHED).orElse(false);
            if (!v1Skipped) {
                assertThat(fast).as(name).isEqualTo(slow);
                continue;
            }
            skipped++;
            assertThat(fast.verified()).as(name + ": v1 is skipped only next to a verifying v2+ signature").isTrue();
            assertThat(fast.schemes()).as(name).isEqualTo(slow.schemes());
            if (slow.v1().orElseThrow().status() == JarSignature.Status.VERIFIED) {
                assertThat(slow.verified()).as(name).isTrue();
                assertThat(fast.v1().orElseThrow().unverifiedCertificates()).extracting(CertificateInfo::sha256).as(name)
                        .containsExactlyInAnyOrderElementsOf(slow.signers().stream().filter(s -> s.schemes().contains("v1"))
                                .map(s -> s.certificate().sha256()).toList());
            }
        }
        assertThat(skipped).as("corpus APKs whose v1 a verifying v2+ signature supersedes").isGreaterThan(20);
    }

    @Test
    void keyRotationLineageListsTheOlderCertificatesFirst() {
        SigningReport report = REPORTS.get("examples/signing/apksig/v1v2v3-with-rsa-2048-lineage-3-signers.apk");

        assertThat(report.verified()).isTrue();
        SignerInfo v3 = report.signers().stream().filter(s -> s.schemes().contains("v3")).findFirst().orElseThrow();
        SignerInfo v1v2 = report.signers().stream().filter(s -> !s.schemes().contains("v3")).findFirst().orElseThrow();
        assertThat(v1v2.schemes()).as("v1 is not verified next to a verifying v2").containsExactly("v2");
        assertThat(report.v1()).hasValueSatisfying(v1 -> assertThat(v1.unverifiedCertificates())
                .extracting(CertificateInfo::sha256).containsExactly(v1v2.certificate().sha256()));
        assertThat(v3.lineage()).hasSize(3);
        assertThat(v3.lineage().get(0).sha256()).as("rotation starts from the v1/v2 key").isEqualTo(v1v2.certificate().sha256());
        assertThat(v3.lineage().get(2).sha256()).isEqualTo(v3.certificate().sha256());
        assertThat(v1v2.lineage()).isEmpty();
    }

    @Test
    void realApkSignedWithTheAospTestKeyIsRecognised() {
        SigningReport report = byFileName("debuggable-boolean.apk");

        assertThat(report.signers()).singleElement().satisfies(s -> {
            assertThat(s.certificate().sha256()).isEqualTo("a40da80a59d170caa950cf15c18c454d47a39b26989d8b640ecd745ba71bf5dc");
            assertThat(s.certificate().known()).hasValueSatisfying(k -> {
                assertThat(k.name()).isEqualTo("aosp-testkey");
                assertThat(k.kind()).isEqualTo(KnownKey.Kind.AOSP_TEST_KEY);
            });
        });
    }

    @Test
    void frameworkResSignerIsThePlatformCluster() {
        String framework = REPORTS.keySet().stream().filter(k -> k.endsWith("framework-res.apk")).findFirst().orElseThrow();

        SignerClusters clusters = SignerClusters.of(REPORTS, Set.of(framework));

        assertThat(clusters.platform()).hasValueSatisfying(c -> {
            assertThat(c.apkIds()).contains(framework);
            assertThat(c.certificate().sha256()).isEqualTo(REPORTS.get(framework).signers().get(0).certificate().sha256());
        });
        assertThat(clusters.clusters().stream().filter(SignerCluster::platform)).hasSize(1);
    }

    @Test
    void v1CertificatesMatchKeytool() throws Exception {
        List<String> compared = new ArrayList<>();
        for (Map.Entry<String, SigningReport> e : REPORTS.entrySet()) {
            SigningReport report = e.getValue();
            if (compared.size() == 12 || !report.verified() || report.signers().size() != 1
                    || !report.signers().get(0).schemes().contains("v1")) {
                continue;
            }
            String keytool = run("keytool", "-printcert", "-jarfile", ANDROGUARD.resolve(e.getKey()).toString());
            Matcher sha = KEYTOOL_SHA256.matcher(keytool);
            assertThat(sha.find()).as(e.getKey() + ": " + keytool).isTrue();
            assertThat(report.signers().get(0).certificate().sha256())
                    .as(e.getKey()).isEqualTo(sha.group(1).replace(":", "").toLowerCase(Locale.ROOT));
            compared.add(e.getKey());
        }
        assertThat(compared).hasSize(12);
    }

    @Test
    void certificatesMatchApksignerWhenInstalled() throws Exception {
        assumeTrue(onPath("apksigner"), "Debian package apksigner not installed");
        int compared = 0;
        for (Map.Entry<String, SigningReport> e : REPORTS.entrySet()) {
            SigningReport report = e.getValue();
            if (compared == 12 || !report.verified() || !e.getKey().contains("golden")) {
                continue;
            }
            String out = run("apksigner", "verify", "--print-certs", ANDROGUARD.resolve(e.getKey()).toString());
            Set<String> theirs = Pattern.compile("certificate SHA-256 digest: ([0-9a-f]{64})").matcher(out).results()
                    .map(m -> m.group(1)).collect(Collectors.toCollection(TreeSet::new));
            Set<String> ours = report.signers().stream().filter(s -> !s.schemes().equals(Set.of("v3")) || theirs.size() == 1
                    || report.signers().size() == 1).map(s -> s.certificate().sha256())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(ours).as(e.getKey() + ": " + out).containsAll(theirs);
            compared++;
        }
        assertThat(compared).isEqualTo(12);
    }

    private static SigningReport byFileName(String fileName) {
        return REPORTS.entrySet().stream().filter(e -> e.getKey().endsWith("/" + fileName)).findFirst().orElseThrow().getValue();
    }

    private static List<Path> corpusApks() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".apk")).sorted().toList();
        }
    }

    /** DSA with SHA-384/512 in v1: apksig (like Android) supports it on no platform in the checked range. */
    private static boolean unsupportedOnEveryPlatform(Path apk) {
        String name = apk.getFileName().toString();
        return name.startsWith("v1-only-with-dsa-sha384") || name.startsWith("v1-only-with-dsa-sha512");
    }

    /** SHA-256 of the corpus certificate for a key named in a file name: rsa + 2048, ecdsa + p256, dsa + 1024. */
    private static String corpusCertificate(String algorithm, String size) throws IOException, CertificateException {
        String file = (algorithm.equals("ecdsa") ? "ec" : algorithm) + "-" + size + ".x509.pem";
        try (InputStream in = Files.newInputStream(CORPUS.resolve(file))) {
            return CertificateDescriber.digest("SHA-256",
                    CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded());
        }
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
