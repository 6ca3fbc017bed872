package dev.phonehome.apk.manifest;

import dev.phonehome.core.Problem;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What Android reads from an AndroidManifest.xml, defaults applied (minSdk 1, targetSdk =
 * minSdk, allowBackup true, ...). The generic tree stays available in {@link #xml()} for
 * detectors that need other elements.
 *
 * @param versionCode full version code: {@code versionCodeMajor << 32 | versionCode}
 * @param minSdk      API level; a codename (preview SDK) counts as 10000, Android's "current development"
 * @param problems    problems of the binary XML and of the manifest's meaning
 */
public record AndroidManifest(String packageName, long versionCode, String versionName, int minSdk, int targetSdk,
        OptionalInt compileSdk, String sharedUserId, Application application,
        List<Permissions.Requested> usesPermissions, List<Permissions.Declared> permissions,
        List<Requirement> usesFeatures, Queries queries, XmlElement xml, List<Problem> problems) {
    private static final String PLATFORM_SHARED_USER_PREFIX = "android.uid.";

    public AndroidManifest {
        usesPermissions = List.copyOf(usesPermissions);
        permissions = List.copyOf(permissions);
        usesFeatures = List.copyOf(usesFeatures);
        problems = List.copyOf(problems);
    }

    public static AndroidManifest parse(byte[] binaryXml) throws AxmlFormatException {
        return parse(ByteBuffer.wrap(binaryXml));
    }

    /** Reads the remaining bytes of {@code binaryXml}; the buffer is not modified. */
    public static AndroidManifest parse(ByteBuffer binaryXml) throws AxmlFormatException {
        return ManifestReader.read(new AxmlParser("AndroidManifest.xml").parse(binaryXml));
    }

    /**
     * The platform shared user ({@code android.uid.system}, {@code android.uid.phone}, ...) this
     * app runs as, if any: such apps share a Linux uid, and its privileges, with platform code.
     */
    public Optional<String> platformSharedUser() {
        return sharedUserId != null && sharedUserId.startsWith(PLATFORM_SHARED_USER_PREFIX)
                ? Optional.of(sharedUserId) : Optional.empty();
    }

    /** Names of requested permissions, sorted. */
    public List<String> usesPermissionNames() {
        return usesPermissions.stream().map(Permissions.Requested::name).distinct().sorted().toList();
    }
}
