package dev.phonehome.apk.signing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Groups the APKs of a firmware by signing certificate and marks the platform key. Which APKs
 * are the platform's (manifest package {@code android}, i.e. framework-res.apk, or sharedUserId
 * {@code android.uid.system}) comes from the caller, who has parsed the manifests.
 */
public final class SignerClusters {
    private static final Comparator<SignerCluster> LARGEST_FIRST = Comparator
            .comparingInt((SignerCluster c) -> -c.apkIds().size())
            .thenComparing(c -> c.certificate().sha256());

    private final List<SignerCluster> clusters;

    private SignerClusters(List<SignerCluster> clusters) {
        this.clusters = List.copyOf(clusters);
    }

    /**
     * @param reports        signing report per APK id
     * @param platformApkIds the ids of APKs whose package is {@code android} or whose sharedUserId
     *                       is {@code android.uid.system}
     */
    public static SignerClusters of(Map<String, SigningReport> reports, Set<String> platformApkIds) {
        Map<String, CertificateInfo> certificates = new TreeMap<>();
        Map<String, Set<String>> apksBySigner = new TreeMap<>();
        for (Map.Entry<String, SigningReport> report : reports.entrySet()) {
            for (SignerInfo signer : report.getValue().signers()) {
                String sha256 = signer.certificate().sha256();
                certificates.putIfAbsent(sha256, signer.certificate());
                apksBySigner.computeIfAbsent(sha256, k -> new HashSet<>()).add(report.getKey());
            }
        }
        List<SignerCluster> clusters = new ArrayList<>();
        apksBySigner.forEach((sha256, apks) -> clusters.add(new SignerCluster(certificates.get(sha256), apks,
                apks.stream().anyMatch(platformApkIds::contains))));
        clusters.sort(LARGEST_FIRST);
        return new SignerClusters(clusters);
    }

    /** All clusters, largest first, ties by certificate SHA-256. */
    public List<SignerCluster> clusters() {
        return clusters;
    }

    /** The platform key's cluster, when a platform APK was among the inputs. */
    public Optional<SignerCluster> platform() {
        return clusters.stream().filter(SignerCluster::platform).findFirst();
    }
}
