package dev.phonehome.apk.manifest;

import java.util.List;

/** Permission records of a manifest. */
public final class Permissions {
    private Permissions() {
    }

    /**
     * A requested permission.
     *
     * @param maxSdkVersion highest SDK that grants it, 0 for no limit
     * @param sdk23         declared with {@code <uses-permission-sdk-23>} (requested on Android 6+ only)
     */
    public record Requested(String name, int maxSdkVersion, boolean sdk23) {
    }

    /** A permission the app defines ({@code <permission>}); {@code protectionLevel} is the raw flags int. */
    public record Declared(String name, int protectionLevel, String permissionGroup) {
        public List<String> protectionLevelNames() {
            return ProtectionLevel.names(protectionLevel);
        }
    }
}
