package dev.phonehome.apk.scan;

import dev.phonehome.apk.signing.CertificateInfo;
import dev.phonehome.apk.signing.SignerInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Apps signed with the same certificate. The platform key's cluster matters most: its apps
 * can share the system UID and hold signature permissions, so they run with system privileges.
 *
 * @param sha256    SHA-256 of the signing certificate
 * @param subject   the certificate's subject
 * @param known     the name of a published key (an AOSP test key, a debug key), when it is one
 * @param platform  whether this is the platform key: it signs the {@code android} package or a
 *                  {@code android.uid.system} app
 * @param apps      package names (or locations, when the manifest was unreadable), sorted
 */
public record SignerCluster(String sha256, String subject, Optional<String> known, boolean platform,
        List<String> apps) {

    static List<SignerCluster> of(List<AppReport> apps) {
        Map<String, CertificateInfo> certs = new TreeMap<>();
        Map<String, List<String>> members = new TreeMap<>();
        Map<String, Boolean> platform = new TreeMap<>();
        for (AppReport app : apps) {
            String name = app.packageName().orElse(app.locations().get(0));
            boolean platformApp = app.packageName().filter("android"::equals).isPresent()
                    || app.manifest().flatMap(ManifestView::sharedUserId).filter("android.uid.system"::equals)
                            .isPresent();
            for (SignerInfo s : app.signing().map(r -> r.signers()).orElse(List.of())) {
                String sha = s.certificate().sha256();
                certs.putIfAbsent(sha, s.certificate());
                members.computeIfAbsent(sha, k -> new ArrayList<>()).add(name);
                platform.merge(sha, platformApp, Boolean::logicalOr);
            }
        }
        List<SignerCluster> out = new ArrayList<>();
        certs.forEach((sha, cert) -> out.add(new SignerCluster(sha, cert.subject(),
                cert.known().map(k -> k.name()), platform.get(sha),
                members.get(sha).stream().sorted().distinct().toList())));
        out.sort((a, b) -> a.platform != b.platform ? (a.platform ? -1 : 1)
                : a.apps.size() != b.apps.size() ? b.apps.size() - a.apps.size() : a.sha256.compareTo(b.sha256));
        return out;
    }
}
