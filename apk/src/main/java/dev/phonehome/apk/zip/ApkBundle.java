package dev.phonehome.apk.zip;

import dev.phonehome.core.Problem;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The APKs inside an app bundle download: XAPK ({@code manifest.json} + APKs + optional OBBs),
 * APKS from bundletool ({@code toc.pb} + {@code splits/}, {@code standalones/}), unencrypted APKM
 * ({@code info.json} + APKs) and plain zips of split APKs ({@code base.apk} + {@code split_config.*.apk}).
 * Each nested APK is opened from the container's bytes within its limits; one that cannot be opened
 * becomes a problem and the others are still returned.
 */
public final class ApkBundle {
    /** How the container packages its APKs. */
    public enum Format { APK, XAPK, APKS, APKM, SPLIT_APKS, ZIP }

    /** A nested APK and its archive, named by its path in the container. */
    public record NestedApk(String name, ApkArchive archive) {
    }

    private final Format format;
    private final List<NestedApk> apks;
    private final List<String> obbNames;
    private final List<Problem> problems;

    private ApkBundle(Format format, List<NestedApk> apks, List<String> obbNames, List<Problem> problems) {
        this.format = format;
        this.apks = List.copyOf(apks);
        this.obbNames = List.copyOf(obbNames);
        this.problems = problems.stream().sorted().toList();
    }

    /** Recognises the container's format and opens its nested APKs (none when it is itself an APK). */
    public static ApkBundle of(ApkArchive container) {
        Format format = formatOf(container);
        List<Problem> problems = new ArrayList<>();
        List<NestedApk> apks = new ArrayList<>();
        if (format != Format.APK) {
            for (String name : names(container, ApkBundle::isNestedApk)) {
                open(container, name, problems, apks);
            }
        }
        List<String> obbs = format == Format.XAPK ? names(container, n -> n.startsWith("Android/obb/")
                && !n.endsWith("/")) : List.of();
        return new ApkBundle(format, apks, obbs, problems);
    }

    public Format format() {
        return format;
    }

    /** Nested APKs sorted by name. */
    public List<NestedApk> apks() {
        return apks;
    }

    /** OBB expansion files of an XAPK, sorted. */
    public List<String> obbNames() {
        return obbNames;
    }

    /** Nested APKs that could not be opened, sorted. */
    public List<Problem> problems() {
        return problems;
    }

    private static Format formatOf(ApkArchive container) {
        if (container.find("AndroidManifest.xml").isPresent()) {
            return Format.APK;
        }
        if (names(container, ApkBundle::isNestedApk).isEmpty()) {
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

    private static void open(ApkArchive container, String name, List<Problem> problems, List<NestedApk> apks) {
        int depth = container.depth() + 1;
        if (depth > container.limits().maxNestingDepth()) {
            problems.add(new Problem("zip.nesting-too-deep", name, "APK at nesting depth " + depth + ", limit "
                    + container.limits().maxNestingDepth()));
            return;
        }
        ArchiveEntry entry = container.find(name).orElseThrow();
        try {
            ByteBuffer bytes = entry.readAsStored() ? container.slice(entry) : ByteBuffer.wrap(container.read(entry));
            String displayName = container.displayName() + "!/" + name;
            apks.add(new NestedApk(name, ApkArchive.nested(displayName, bytes, container.limits(), depth)));
        } catch (ZipFormatException e) {
            problems.add(new Problem(e.code(), name, e.getMessage()));
        }
    }
}
