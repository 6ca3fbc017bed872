package dev.phonehome.apk.manifest;

import java.util.Map;
import java.util.Optional;

/**
 * Resource ids of the framework attributes the manifest reader uses. Android matches
 * {@code android:} attributes by these ids (through the document's resource map), never by
 * name, so a manifest whose attribute names are stripped or obfuscated still means the same.
 *
 * <p>Provenance: the public {@code android:attr} ids are fixed across releases; each value was
 * checked against {@code aapt dump resources} of {@code framework-res.apk} from Debian's
 * {@code android-framework-res} 10.0.0+r36 (AOSP {@code frameworks/base/core/res/res/values/public.xml}).
 */
public final class AndroidAttr {
    public static final String ANDROID_NS = "http://schemas.android.com/apk/res/android";

    public static final int LABEL = 0x01010001;
    public static final int ICON = 0x01010002;
    public static final int NAME = 0x01010003;
    public static final int PERMISSION = 0x01010006;
    public static final int READ_PERMISSION = 0x01010007;
    public static final int WRITE_PERMISSION = 0x01010008;
    public static final int PROTECTION_LEVEL = 0x01010009;
    public static final int PERMISSION_GROUP = 0x0101000a;
    public static final int SHARED_USER_ID = 0x0101000b;
    public static final int ENABLED = 0x0101000e;
    public static final int DEBUGGABLE = 0x0101000f;
    public static final int EXPORTED = 0x01010010;
    public static final int PROCESS = 0x01010011;
    public static final int AUTHORITIES = 0x01010018;
    public static final int PRIORITY = 0x0101001c;
    public static final int VALUE = 0x01010024;
    public static final int RESOURCE = 0x01010025;
    public static final int MIME_TYPE = 0x01010026;
    public static final int SCHEME = 0x01010027;
    public static final int HOST = 0x01010028;
    public static final int PORT = 0x01010029;
    public static final int PATH = 0x0101002a;
    public static final int PATH_PREFIX = 0x0101002b;
    public static final int PATH_PATTERN = 0x0101002c;
    public static final int TARGET_ACTIVITY = 0x01010202;
    public static final int MIN_SDK_VERSION = 0x0101020c;
    public static final int VERSION_CODE = 0x0101021b;
    public static final int VERSION_NAME = 0x0101021c;
    public static final int TARGET_SDK_VERSION = 0x01010270;
    public static final int MAX_SDK_VERSION = 0x01010271;
    public static final int ALLOW_BACKUP = 0x01010280;
    public static final int REQUIRED = 0x0101028e;
    public static final int USES_CLEARTEXT_TRAFFIC = 0x010104ec;
    public static final int NETWORK_SECURITY_CONFIG = 0x01010527;
    public static final int COMPILE_SDK_VERSION = 0x01010572;
    public static final int COMPILE_SDK_VERSION_CODENAME = 0x01010573;
    public static final int VERSION_CODE_MAJOR = 0x01010576;
    public static final int APP_COMPONENT_FACTORY = 0x0101057a;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(LABEL, "label"), Map.entry(ICON, "icon"), Map.entry(NAME, "name"),
            Map.entry(PERMISSION, "permission"), Map.entry(READ_PERMISSION, "readPermission"),
            Map.entry(WRITE_PERMISSION, "writePermission"), Map.entry(PROTECTION_LEVEL, "protectionLevel"),
            Map.entry(PERMISSION_GROUP, "permissionGroup"), Map.entry(SHARED_USER_ID, "sharedUserId"),
            Map.entry(ENABLED, "enabled"), Map.entry(DEBUGGABLE, "debuggable"), Map.entry(EXPORTED, "exported"),
            Map.entry(PROCESS, "process"), Map.entry(AUTHORITIES, "authorities"), Map.entry(PRIORITY, "priority"),
            Map.entry(VALUE, "value"), Map.entry(RESOURCE, "resource"), Map.entry(MIME_TYPE, "mimeType"),
            Map.entry(SCHEME, "scheme"), Map.entry(HOST, "host"), Map.entry(PORT, "port"), Map.entry(PATH, "path"),
            Map.entry(PATH_PREFIX, "pathPrefix"), Map.entry(PATH_PATTERN, "pathPattern"),
            Map.entry(TARGET_ACTIVITY, "targetActivity"), Map.entry(MIN_SDK_VERSION, "minSdkVersion"),
            Map.entry(VERSION_CODE, "versionCode"), Map.entry(VERSION_NAME, "versionName"),
            Map.entry(TARGET_SDK_VERSION, "targetSdkVersion"), Map.entry(MAX_SDK_VERSION, "maxSdkVersion"),
            Map.entry(ALLOW_BACKUP, "allowBackup"), Map.entry(REQUIRED, "required"),
            Map.entry(USES_CLEARTEXT_TRAFFIC, "usesCleartextTraffic"),
            Map.entry(NETWORK_SECURITY_CONFIG, "networkSecurityConfig"),
            Map.entry(COMPILE_SDK_VERSION, "compileSdkVersion"),
            Map.entry(COMPILE_SDK_VERSION_CODENAME, "compileSdkVersionCodename"),
            Map.entry(VERSION_CODE_MAJOR, "versionCodeMajor"), Map.entry(APP_COMPONENT_FACTORY, "appComponentFactory"));

    private AndroidAttr() {
    }

    /** The framework name of a known attribute id, e.g. {@code versionCode} for 0x0101021b. */
    public static Optional<String> nameOf(int resourceId) {
        return Optional.ofNullable(NAMES.get(resourceId));
    }
}
