package dev.phonehome.apk.signing;

import com.android.apksig.ApkVerifier;
import com.android.apksig.ApkVerifier.IssueWithParams;
import com.android.apksig.SigningCertificateLineage;
import com.android.apksig.internal.apk.ApkSigningBlockUtils.Result.SignerInfo.ContentDigest;
import com.android.apksig.internal.apk.SignatureAlgorithm;
import dev.phonehome.core.Problem;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folds apksig's per-scheme view (v1 signers, v2 signers, ...) into one entry per signing
 * certificate, and apksig's issues into coded {@link Problem}s. Codes are apksig's
 * {@link ApkVerifier.Issue} names, so reports branch on the enum, never on message text.
 */
final class ReportAssembler {
    /** Issues that only say a signature is absent: for an unsigned APK they are the finding, not a problem. */
    private static final Set<ApkVerifier.Issue> ABSENCE = EnumSet.of(ApkVerifier.Issue.JAR_SIG_NO_SIGNATURES,
            ApkVerifier.Issue.JAR_SIG_NO_MANIFEST, ApkVerifier.Issue.JAR_SIG_MISSING, ApkVerifier.Issue.V2_SIG_MISSING);

    private final CertificateDescriber describer;
    private final String apkName;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Merged> signers = new LinkedHashMap<>();
    private final Set<String> schemes = new TreeSet<>();
    private Optional<JarSignature> jar = Optional.empty();
    /** apksig's isVerified() ignores some signer errors (a v4 signature that fails, for one); Android does not. */
    private boolean anyError;

    ReportAssembler(CertificateDescriber describer, String apkName, List<Problem> earlierProblems) {
        this.describer = describer;
        this.apkName = apkName;
        this.problems.addAll(earlierProblems);
    }

    /**
     * Takes the v1 outcome from a separate apksig run over the platforms that read v1 (the
     * {@code result} given to {@link #assemble} then covers only the newer ones): its v1 signers
     * and its {@code JAR_SIG_*} issues; the rest of that run repeats or predates the main one.
     *
     * @param decisive whether the app's minSdk admits those platforms, so that a v1 failure (or a
     *                 missing v1 signature) fails the APK
     */
    ReportAssembler v1Checked(ApkVerifier.Result v1, boolean decisive, SignatureEvidence evidence) {
        for (ApkVerifier.Result.V1SchemeSignerInfo s : v1.getV1SchemeSigners()) {
            add("v1", "v1 signer " + s.getName(), s.getCertificate(), s.getErrors(), s.getWarnings(), List.of(), decisive);
        }
        ignoredV1Signers(v1);
        record(apkName, v1.getErrors().stream().filter(ReportAssembler::jarIssue).toList(),
                v1.getWarnings().stream().filter(ReportAssembler::jarIssue).toList(), decisive);
        if (evidence.jarSignature()) {
            jar = Optional.of(jarOutcome(v1));
        }
        return this;
    }

    /**
     * Records a v1 signature left unchecked, with the certificates its block files name and the
     * problems of reading those files.
     */
    ReportAssembler v1NotVerified(JarSignature.Reason reason, List<X509Certificate> certificates,
            List<Problem> readProblems) {
        problems.addAll(readProblems);
        Set<CertificateInfo> described = new TreeSet<>((a, b) -> a.sha256().compareTo(b.sha256()));
        certificates.forEach(c -> describe("v1 signature block", c).ifPresent(described::add));
        jar = Optional.of(JarSignature.notVerified(reason, List.copyOf(described)));
        return this;
    }

    /**
     * @param evidence the signature structures in the file, including those apksig did not check
     *                 (v1 next to a verifying v2+ block) or could not read (a corrupt signing block)
     */
    SigningReport assemble(ApkVerifier.Result result, SignatureEvidence evidence) {
        if (evidence.jarSignature()) {
            schemes.add("v1");
        }
        evidence.signingBlockMalformed().ifPresent(why -> {
            problems.add(new Problem("signing.SIGNING_BLOCK_MALFORMED", apkName, "APK Signing Block unreadable: " + why));
            anyError = true;
        });
        for (ApkVerifier.Result.V1SchemeSignerInfo s : result.getV1SchemeSigners()) {
            add("v1", "v1 signer " + s.getName(), s.getCertificate(), s.getErrors(), s.getWarnings(), List.of(), true);
        }
        ignoredV1Signers(result);
        if (jar.isEmpty() && evidence.jarSignature()) {
            jar = Optional.of(jarOutcome(result));
        }
        for (ApkVerifier.Result.V2SchemeSignerInfo s : result.getV2SchemeSigners()) {
            add("v2", "v2 signer #" + s.getIndex(), s.getCertificate(), s.getErrors(), s.getWarnings(),
                    s.getContentDigests(), true);
        }
        for (ApkVerifier.Result.V3SchemeSignerInfo s : result.getV3SchemeSigners()) {
            add("v3", "v3 signer #" + s.getIndex(), s.getCertificate(), s.getErrors(), s.getWarnings(),
                    s.getContentDigests(), true);
        }
        for (ApkVerifier.Result.V3SchemeSignerInfo s : result.getV31SchemeSigners()) {
            add("v3.1", "v3.1 signer #" + s.getIndex(), s.getCertificate(), s.getErrors(), s.getWarnings(),
                    s.getContentDigests(), true);
        }
        for (ApkVerifier.Result.V4SchemeSignerInfo s : result.getV4SchemeSigners()) {
            add("v4", "v4 signer #" + s.getIndex(), s.getCertificate(), s.getErrors(), s.getWarnings(),
                    s.getContentDigests(), true);
        }
        boolean signed = !schemes.isEmpty() || evidence.signingBlockMalformed().isPresent();
        record(apkName, signed ? result.getErrors()
                : result.getErrors().stream().filter(i -> !ABSENCE.contains(i.getIssue())).toList(),
                result.getWarnings(), true);
        Optional<SourceStamp> stamp = sourceStamp(result.getSourceStampInfo());
        List<CertificateInfo> lineage = lineage(result.getSigningCertificateLineage());
        List<SignerInfo> signerInfos = new ArrayList<>();
        for (Merged m : signers.values()) {
            boolean rotated = !lineage.isEmpty() && lineage.get(lineage.size() - 1).sha256().equals(m.certificate.sha256());
            signerInfos.add(new SignerInfo(m.certificate, rotated ? lineage : List.of(), m.schemes, !m.failed,
                    m.algorithms));
        }
        signerInfos.sort((a, b) -> a.certificate().sha256().compareTo(b.certificate().sha256()));
        Collections.sort(problems);
        return new SigningReport(signed, schemes, signerInfos, result.isVerified() && !anyError, problems, stamp, jar);
    }

    private void ignoredV1Signers(ApkVerifier.Result result) {
        for (ApkVerifier.Result.V1SchemeSignerInfo s : result.getV1SchemeIgnoredSigners()) {
            // signers apksig ignores (unsupported on every checked platform) do not decide the verdict
            record("v1 ignored signer " + s.getName(), s.getErrors(), s.getWarnings(), false);
        }
    }

    /** What a run that reached (or stopped short of) v1 says of it. */
    private static JarSignature jarOutcome(ApkVerifier.Result result) {
        boolean failed = result.getErrors().stream().anyMatch(ReportAssembler::jarIssue)
                || result.getV1SchemeSigners().stream().anyMatch(ApkVerifier.Result.V1SchemeSignerInfo::containsErrors);
        if (!failed && result.getV1SchemeSigners().isEmpty()) {
            return JarSignature.notVerified(JarSignature.Reason.NOT_REACHED, List.of());
        }
        return JarSignature.checked(failed);
    }

    private static boolean jarIssue(IssueWithParams issue) {
        return issue.getIssue().name().startsWith("JAR_SIG_");
    }

    private void add(String scheme, String subject, X509Certificate cert, List<IssueWithParams> errors,
            List<IssueWithParams> warnings, List<ContentDigest> digests, boolean decisive) {
        record(subject, errors, warnings, decisive);
        schemes.add(scheme);
        Optional<CertificateInfo> info = describe(subject, cert);
        if (info.isEmpty()) {
            return;
        }
        Merged merged = signers.computeIfAbsent(info.get().sha256(), k -> new Merged(info.get()));
        merged.schemes.add(scheme);
        merged.failed |= !errors.isEmpty();
        for (ContentDigest digest : digests) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.findById(digest.getSignatureAlgorithmId());
            merged.algorithms.add(algorithm != null ? algorithm.name()
                    : String.format("UNKNOWN_0x%04x", digest.getSignatureAlgorithmId()));
        }
    }

    private Optional<CertificateInfo> describe(String subject, X509Certificate cert) {
        if (cert == null) {
            // apksig leaves the certificate out when it could not parse it; its issue says why
            return Optional.empty();
        }
        try {
            return Optional.of(describer.describe(cert));
        } catch (CertificateEncodingException e) {
            problems.add(new Problem("signing.CERTIFICATE_ENCODING", subject, "cannot encode certificate: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private List<CertificateInfo> lineage(SigningCertificateLineage lineage) {
        if (lineage == null) {
            return List.of();
        }
        List<CertificateInfo> certs = new ArrayList<>();
        for (X509Certificate cert : lineage.getCertificatesInLineage()) {
            describe("v3 lineage", cert).ifPresent(certs::add);
        }
        return certs;
    }

    private Optional<SourceStamp> sourceStamp(ApkVerifier.Result.SourceStampInfo info) {
        if (info == null || info.getSourceStampVerificationStatus()
                == ApkVerifier.Result.SourceStampInfo.SourceStampVerificationStatus.STAMP_MISSING) {
            return Optional.empty();
        }
        // a stamp says which store shipped the APK; Android installs it whether or not the stamp verifies
        record("source stamp", info.getErrors(), info.getWarnings(), false);
        long seconds = info.getTimestampEpochSeconds();
        return Optional.of(new SourceStamp(describe("source stamp", info.getCertificate()),
                info.getSourceStampVerificationStatus().name(),
                seconds > 0 ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty()));
    }

    /** @param decisive whether these errors make the APK fail verification */
    private void record(String subject, List<IssueWithParams> errors, List<IssueWithParams> warnings,
            boolean decisive) {
        for (IssueWithParams issue : errors) {
            problems.add(new Problem(code(issue), subject, issue.toString()));
            anyError |= decisive;
        }
        for (IssueWithParams issue : warnings) {
            problems.add(new Problem(code(issue), subject, "warning: " + issue));
        }
    }

    static String code(IssueWithParams issue) {
        return "signing." + issue.getIssue().name();
    }

    /** One certificate's entries across schemes. */
    private static final class Merged {
        final CertificateInfo certificate;
        final Set<String> schemes = new TreeSet<>();
        final Set<String> algorithms = new TreeSet<>();
        boolean failed;

        Merged(CertificateInfo certificate) {
            this.certificate = certificate;
        }
    }
}
