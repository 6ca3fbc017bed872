package dev.phonehome.cli;

import dev.phonehome.apk.signing.KnownKeys;
import dev.phonehome.apk.signing.SignatureInspector;
import dev.phonehome.apk.signing.SignatureInspector.V1Policy;
import picocli.CommandLine.Option;

/** How much of an APK's signatures to verify, for every command that scans apps. */
final class SigningOptions {
    @Option(names = "--verify-v1", description = "Also verify v1 (JAR) signatures that a verifying v2/v3 signature supersedes."
            + " Android 7.0+ ignores them, and by default only their certificates are read; this hashes every entry.")
    boolean verifyV1;

    V1Policy v1Policy() {
        return verifyV1 ? V1Policy.ALWAYS : V1Policy.AS_ANDROID;
    }

    static SignatureInspector inspector(V1Policy policy) {
        return new SignatureInspector(KnownKeys.load(), policy);
    }
}
