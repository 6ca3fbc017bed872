package dev.phonehome.apk.detect;

import dev.phonehome.apk.signing.CertificateInfo;
import dev.phonehome.apk.signing.KnownKey;
import dev.phonehome.apk.signing.SignerInfo;
import dev.phonehome.core.finding.Evidence;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Apps signed with a key whose private half is public: an AOSP test key (anyone can sign an
 * update that the device accepts, with the same rights) or the SDK debug certificate (a
 * development build shipped as factory software).
 */
public final class SigningKeyDetector implements Detector {
    @Override
    public String id() {
        return "signature";
    }

    @Override
    public List<Finding> detect(AppContext app) {
        List<Finding> findings = new ArrayList<>();
        for (CertificateInfo cert : certificates(app)) {
            cert.known().ifPresent(key -> {
                boolean testKey = key.kind() == KnownKey.Kind.AOSP_TEST_KEY;
                String title = testKey ? "Signed with the public AOSP test key " + key.name()
                        : "Signed with the Android SDK debug certificate";
                findings.add(Finding.of(testKey ? "signature.test-key" : "signature.debug-certificate", app.subject(),
                        cert.sha256(), title, testKey ? Severity.CRITICAL : Severity.HIGH, EvidenceLevel.PRESENT,
                        Map.of("key", key.name(), "sha256", cert.sha256(), "subject", cert.subject()),
                        List.of(Evidence.of("certificate", "APK signature", key.source(), cert.sha256()))));
            });
        }
        return findings;
    }

    /** Names of the well-known public keys the app is signed with, sorted. */
    static List<String> knownKeys(AppContext app) {
        return certificates(app).stream().flatMap(c -> c.known().stream()).map(KnownKey::name).distinct().sorted().toList();
    }

    private static List<CertificateInfo> certificates(AppContext app) {
        return app.signing().map(s -> s.signers().stream().map(SignerInfo::certificate).toList()).orElse(List.of());
    }
}
