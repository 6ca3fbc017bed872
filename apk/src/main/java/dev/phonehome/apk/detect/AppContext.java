package dev.phonehome.apk.detect;

import dev.phonehome.apk.dex.DexIndex;
import dev.phonehome.apk.firmware.Partition;
import dev.phonehome.apk.manifest.AndroidManifest;
import dev.phonehome.apk.resources.ResourceTable;
import dev.phonehome.apk.signing.SigningReport;
import dev.phonehome.apk.zip.ApkArchive;
import dev.phonehome.core.kb.KnowledgeBase;
import java.util.List;
import java.util.Optional;

/**
 * Everything a detector may look at for one app. Valid only while the app is being scanned:
 * the DEX indexes and the archive read from a mapped file that is released afterwards, so
 * detectors must not keep references to them.
 *
 * @param subject         how findings name the app: its package, or its location when unknown
 * @param location        first location in the image, e.g. {@code system/priv-app/X/X.apk}
 * @param partition       partition of that location
 * @param privilegedFolder whether it lies in a {@code priv-app} folder
 * @param archive         the APK (the base APK of a bundle)
 * @param manifest        the decoded manifest, when it could be read
 * @param resources       the decoded resources.arsc, when there is one
 * @param dex             every DEX of the app with its location ({@code classes2.dex}, {@code assets/a.jar!/classes.dex})
 * @param signing         the signature report, when the APK could be inspected
 * @param platformSigned  whether the app is signed with the firmware's platform key (known after
 *                        all apps are read; false in a single-APK scan)
 * @param platformKnown   whether the firmware's platform key is known (its {@code framework-res.apk}
 *                        was scanned), so {@code platformSigned == false} means "not platform-signed"
 * @param kb              the knowledge base
 */
public record AppContext(String subject, String location, Partition partition, boolean privilegedFolder,
        ApkArchive archive, Optional<AndroidManifest> manifest, Optional<ResourceTable> resources, List<LocatedDex> dex,
        Optional<SigningReport> signing, boolean platformSigned, boolean platformKnown, KnowledgeBase kb) {

    /** A DEX index and where it was found. */
    public record LocatedDex(String location, DexIndex index) {
    }

    /** Whether the app is factory software with system rights: system partition, priv-app or system UID. */
    public boolean systemApp() {
        return partition != Partition.DATA && partition != Partition.UNKNOWN
                || privilegedFolder || manifest.flatMap(AndroidManifest::platformSharedUser).isPresent();
    }
}
