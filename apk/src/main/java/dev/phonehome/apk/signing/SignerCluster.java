package dev.phonehome.apk.signing;

import java.util.Objects;
import java.util.Set;

/**
 * The APKs of a firmware that share one signing certificate.
 *
 * @param certificate the shared signer
 * @param apkIds      the APKs it signed, sorted
 * @param platform    whether this is the platform key: it signed the framework ({@code android}
 *                    package) or an app running as {@code android.uid.system}, so every APK in the
 *                    cluster may hold signature permissions of the platform
 */
public record SignerCluster(CertificateInfo certificate, Set<String> apkIds, boolean platform) {
    public SignerCluster {
        Objects.requireNonNull(certificate, "certificate");
        apkIds = SortedSets.copyOf(apkIds);
    }
}
