package dev.phonehome.apk.zip;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The APKs inside an app bundle download: XAPK ({@code manifest.json} + APKs + optional OBBs),
 * APKS from bundletool ({@code toc.pb} + {@code splits/}, {@code standalones/}), unencrypted APKM
 * ({@code info.json} + APKs) and plain zips of split APKs ({@code base.apk} + {@code split_config.*.apk}).
 * Nested APKs are opened one at a time, on demand, so memory does not grow with their number.
 */
public final class ApkBundle {
    /** How the container packages its APKs. */
    public enum Format { APK, XAPK, APKS, APKM, SPLIT_APKS, ZIP }

    private final ApkArchive container;
    private final Format format;
    private final List<String> apkNames;
    private final List<String> obbNames;

    private ApkBundle(ApkArchive container, Format format, List<String> apkNames, List<String> obbNames) {
        this.container = container;
        this.format = format;
        this.apkNames = apkNames;
        this.obbNames = obbNames;
    }

    /** Recognises the container's format and lists its nested APKs (none when it is itself an APK). */
    public static ApkBundle of(ApkArchive container) {
        List<String> apks = names(container, ApkBundle::isNestedApk);
        Format format = formatOf(container, apks);
        List<String> obbs = format == Format.XAPK
                ? names(container, n -> n.startsWith("Android/obb/") && !n.endsWith("/")) : List.of();
        return new ApkBundle(container, format, format == Format.APK ? List.of() : apks, obbs);
    }

    public Format format() {
        return format;
    }

    /** Names of the nested APKs, sorted. */
    public List<String> apkNames() {
        return apkNames;
    }

    /** OBB expansion files of an XAPK, sorted. */
    public List<String> obbNames() {
        return obbNames;
    }

    /**
     * Opens one nested APK (see {@link ApkArchive#openNested}). A corrupt one fails with a coded
     * exception the caller records before opening the next.
     */
    public ApkArchive open(String apkName) throws ZipFormatException {
        if (!apkNames.contains(apkName)) {
            throw new IllegalArgumentException(apkName + " is not an APK of " + container.displayName());
        }
        return container.openNested(container.find(apkName).orElseThrow());
    }

    private static Format formatOf(ApkArchive container, List<String> apks) {
        if (container.find("AndroidManifest.xml").isPresent()) {
            return Format.APK;
        }
        if (apks.isEmpty()) {
            return Format.ZIP;
        }
        if (container.find("toc.pb").isPresent()) {
            return Format.APKS;
        }
        if (container.find("manifest.json").isPresent()) {
            return Format.XAPK;
        }
        if (container.find("info.json").isPresent()) {
            return Format.APKM;
        }
        return Format.SPLIT_APKS;
    }

    /** Top-level APKs, and bundletool's {@code splits/} and {@code standalones/} folders. */
    private static boolean isNestedApk(String name) {
        if (!name.toLowerCase(Locale.ROOT).endsWith(".apk")) {
            return false;
        }
        int slash = name.lastIndexOf('/');
        String folder = slash < 0 ? "" : name.substring(0, slash + 1);
        return folder.isEmpty() || folder.equals("splits/") || folder.equals("standalones/");
    }

    private static List<String> names(ApkArchive container, Predicate<String> wanted) {
        return container.entries().stream().map(ArchiveEntry::name).filter(wanted).distinct().sorted().toList();
    }
}
