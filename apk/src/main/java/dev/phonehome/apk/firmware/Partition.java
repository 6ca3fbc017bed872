package dev.phonehome.apk.firmware;

import java.util.List;
import java.util.Locale;

/**
 * The image partition an APK was found on. Apps on system partitions are factory-installed;
 * those under a {@code priv-app} folder may be granted privileged permissions.
 */
public enum Partition {
    SYSTEM, SYSTEM_EXT, PRODUCT, VENDOR, ODM, APEX, DATA, UNKNOWN;

    // Nested partitions come before "system" because dumps often mount them under /system.
    private static final List<Partition> MATCH_ORDER = List.of(SYSTEM_EXT, PRODUCT, VENDOR, ODM, APEX, DATA, SYSTEM);

    /** The folder name that marks this partition in a dumped tree. */
    public String folderName() {
        return this == DATA ? "data/app" : name().toLowerCase(Locale.ROOT);
    }

    /** Classifies a location such as {@code system/priv-app/Foo/Foo.apk} (forward slashes). */
    public static Partition of(String location) {
        String path = "/" + location.toLowerCase(Locale.ROOT) + "/";
        for (Partition p : MATCH_ORDER) {
            if (path.contains("/" + p.folderName() + "/")) {
                return p;
            }
        }
        return UNKNOWN;
    }

    /** Whether the location is a privileged-app folder ({@code priv-app}). */
    public static boolean isPrivilegedFolder(String location) {
        return ("/" + location.toLowerCase(Locale.ROOT) + "/").contains("/priv-app/");
    }
}
