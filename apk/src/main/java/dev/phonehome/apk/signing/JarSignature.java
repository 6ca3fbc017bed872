package dev.phonehome.apk.signing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What was checked of an APK's v1 (JAR) signature. Android 7.0 and later ignore v1 when a v2
 * signature block verifies (Android 9 and later also for v3), so by default so does the scan;
 * this record says so instead of leaving v1 silently unchecked.
 *
 * @param status                 whether apksig verified the v1 signature
 * @param reason                 why it was not verified; present exactly when {@code status} is
 *                               {@link Status#NOT_VERIFIED}
 * @param unverifiedCertificates when not verified, the signer certificates the signature block files
 *                               ({@code META-INF/*.RSA|DSA|EC}) name, read without checking any
 *                               signature or digest, ordered by SHA-256; they are not {@code signers}.
 *                               Empty otherwise: verified v1 signers are signers with scheme {@code v1}
 */
public record JarSignature(Status status, Optional<Reason> reason, List<CertificateInfo> unverifiedCertificates) {
    public JarSignature {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (reason.isPresent() != (status == Status.NOT_VERIFIED)) {
            throw new IllegalArgumentException("a reason exactly when not verified: " + status + " " + reason);
        }
        unverifiedCertificates = List.copyOf(unverifiedCertificates);
    }

    static JarSignature checked(boolean failed) {
        return new JarSignature(failed ? Status.FAILED : Status.VERIFIED, Optional.empty(), List.of());
    }

    static JarSignature notVerified(Reason reason, List<CertificateInfo> certificates) {
        return new JarSignature(Status.NOT_VERIFIED, Optional.of(reason), certificates);
    }

    public enum Status {
        /** every v1 signer verified: signature, {@code .SF} and every entry digest */
        VERIFIED,
        /** apksig checked v1 and reports {@code signing.JAR_SIG_*} problems */
        FAILED,
        /** not checked; see the reason */
        NOT_VERIFIED
    }

    public enum Reason {
        /** the app's minSdk is at or above the last platform that reads v1 next to its v2+ blocks: no device it installs on checks v1 */
        NOT_USED_BY_ANDROID,
        /** a v2+ signature verifies, so newer platforms ignore v1, but the app's minSdk admits older ones that verify it; {@code --verify-v1} checks it */
        SKIPPED_V2_PLUS_VERIFIED,
        /** apksig stopped at an earlier error before it reached v1 */
        NOT_REACHED
    }
}
