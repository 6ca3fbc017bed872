package dev.phonehome.apk.signing;

import dev.phonehome.core.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who signed an APK, with which schemes, and whether the signatures verify.
 *
 * @param signed      false for an APK with no signature at all, which is a fact to report, not an error
 * @param schemes     the schemes present, sorted: {@code v1} (JAR), {@code v2}, {@code v3}, {@code v3.1}, {@code v4}
 * @param signers     one entry per signing certificate, ordered by SHA-256
 * @param verified    whether the APK verifies on every platform version checked: from the app's
 *                    minSdk on, except that a v1 signature {@code v1} reports as not verified was not
 *                    checked for the older platforms that would read it
 * @param problems    apksig's errors and warnings coded {@code signing.<Issue>}, and failures to inspect
 * @param sourceStamp the source stamp, when the APK carries one
 * @param v1          what was checked of the v1 (JAR) signature, when the APK carries one
 */
public record SigningReport(boolean signed, Set<String> schemes, List<SignerInfo> signers, boolean verified,
        List<Problem> problems, Optional<SourceStamp> sourceStamp, Optional<JarSignature> v1) {
    public SigningReport {
        schemes = SortedSets.copyOf(schemes);
        signers = List.copyOf(signers);
        problems = List.copyOf(problems);
        Objects.requireNonNull(sourceStamp, "sourceStamp");
        Objects.requireNonNull(v1, "v1");
    }

    /** A report for an APK whose signatures could not be read at all. */
    static SigningReport unreadable(List<Problem> problems) {
        return new SigningReport(false, Set.of(), List.of(), false, problems, Optional.empty(), Optional.empty());
    }
}
