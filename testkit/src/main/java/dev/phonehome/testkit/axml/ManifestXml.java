package dev.phonehome.testkit.axml;

import static dev.phonehome.testkit.axml.AxmlWriter.ANDROID_NS;

import dev.phonehome.testkit.axml.AxmlWriter.Element;
import java.util.ArrayList;
import java.util.List;

/**
 * A binary AndroidManifest.xml in a few calls:
 *
 * <pre>{@code
 * byte[] xml = ManifestXml.app("com.example").versionCode(3).versionName("1.0").minSdk(24).targetSdk(33)
 *         .permission("android.permission.SEND_SMS")
 *         .receiver(".SmsReceiver", true, ManifestXml.filter("android.intent.action.DATA_SMS_RECEIVED")
 *                 .data("sms", "localhost", "8901"))
 *         .build();
 * }</pre>
 *
 * Attribute resource ids are the public framework ids (see the apk module's {@code AndroidAttr}).
 */
public final class ManifestXml {
    private final Element manifest = AxmlWriter.element("manifest");
    private final Element usesSdk = AxmlWriter.element("uses-sdk");
    private final Element application = AxmlWriter.element("application");
    private final List<Element> beforeApplication = new ArrayList<>();
    private boolean utf8;
    private boolean hasUsesSdk;
    private boolean built;

    private ManifestXml(String packageName) {
        manifest.attr("", "package", 0, packageName);
    }

    public static ManifestXml app(String packageName) {
        return new ManifestXml(packageName);
    }

    /** An intent filter with these actions. */
    public static Filter filter(String... actions) {
        return new Filter(actions);
    }

    public ManifestXml utf8(boolean utf8Pool) {
        this.utf8 = utf8Pool;
        return this;
    }

    public ManifestXml versionCode(int code) {
        manifest.attr(ANDROID_NS, "versionCode", 0x0101021b, code);
        return this;
    }

    public ManifestXml versionCodeMajor(int major) {
        manifest.attr(ANDROID_NS, "versionCodeMajor", 0x01010576, major);
        return this;
    }

    public ManifestXml versionName(String name) {
        manifest.attr(ANDROID_NS, "versionName", 0x0101021c, name);
        return this;
    }

    public ManifestXml compileSdk(int sdk) {
        manifest.attr(ANDROID_NS, "compileSdkVersion", 0x01010572, sdk);
        return this;
    }

    public ManifestXml sharedUserId(String id) {
        manifest.attr(ANDROID_NS, "sharedUserId", 0x0101000b, id);
        return this;
    }

    public ManifestXml minSdk(int sdk) {
        hasUsesSdk = true;
        usesSdk.attr(ANDROID_NS, "minSdkVersion", 0x0101020c, sdk);
        return this;
    }

    public ManifestXml targetSdk(int sdk) {
        hasUsesSdk = true;
        usesSdk.attr(ANDROID_NS, "targetSdkVersion", 0x01010270, sdk);
        return this;
    }

    public ManifestXml permission(String name) {
        beforeApplication.add(AxmlWriter.element("uses-permission").attr(ANDROID_NS, "name", 0x01010003, name));
        return this;
    }

    public ManifestXml permission(String name, int maxSdkVersion) {
        beforeApplication.add(AxmlWriter.element("uses-permission").attr(ANDROID_NS, "name", 0x01010003, name)
                .attr(ANDROID_NS, "maxSdkVersion", 0x01010271, maxSdkVersion));
        return this;
    }

    public ManifestXml permissionSdk23(String name) {
        beforeApplication.add(AxmlWriter.element("uses-permission-sdk-23").attr(ANDROID_NS, "name", 0x01010003, name));
        return this;
    }

    /** A {@code <permission>} this app defines; {@code protectionLevel} as flags, e.g. 0x12 = signature|privileged. */
    public ManifestXml declarePermission(String name, int protectionLevel) {
        beforeApplication.add(AxmlWriter.element("permission").attr(ANDROID_NS, "name", 0x01010003, name)
                .typed(ANDROID_NS, "protectionLevel", 0x01010009, 0x11, protectionLevel));
        return this;
    }

    public ManifestXml usesFeature(String name, boolean required) {
        beforeApplication.add(AxmlWriter.element("uses-feature").attr(ANDROID_NS, "name", 0x01010003, name)
                .attr(ANDROID_NS, "required", 0x0101028e, required));
        return this;
    }

    public ManifestXml queriesPackage(String name) {
        beforeApplication.add(AxmlWriter.element("queries")
                .child(AxmlWriter.element("package").attr(ANDROID_NS, "name", 0x01010003, name)));
        return this;
    }

    public ManifestXml label(String text) {
        application.attr(ANDROID_NS, "label", 0x01010001, text);
        return this;
    }

    public ManifestXml labelResource(int resourceId) {
        application.reference(ANDROID_NS, "label", 0x01010001, resourceId);
        return this;
    }

    public ManifestXml applicationName(String className) {
        application.attr(ANDROID_NS, "name", 0x01010003, className);
        return this;
    }

    public ManifestXml debuggable(boolean value) {
        application.attr(ANDROID_NS, "debuggable", 0x0101000f, value);
        return this;
    }

    public ManifestXml allowBackup(boolean value) {
        application.attr(ANDROID_NS, "allowBackup", 0x01010280, value);
        return this;
    }

    public ManifestXml usesCleartextTraffic(boolean value) {
        application.attr(ANDROID_NS, "usesCleartextTraffic", 0x010104ec, value);
        return this;
    }

    public ManifestXml networkSecurityConfig(int xmlResourceId) {
        application.reference(ANDROID_NS, "networkSecurityConfig", 0x01010527, xmlResourceId);
        return this;
    }

    public ManifestXml metaData(String name, String value) {
        application.child(AxmlWriter.element("meta-data").attr(ANDROID_NS, "name", 0x01010003, name)
                .attr(ANDROID_NS, "value", 0x01010024, value));
        return this;
    }

    public ManifestXml usesLibrary(String name, boolean required) {
        application.child(AxmlWriter.element("uses-library").attr(ANDROID_NS, "name", 0x01010003, name)
                .attr(ANDROID_NS, "required", 0x0101028e, required));
        return this;
    }

    /** An activity; {@code exported} null leaves the attribute out so Android's default applies. */
    public ManifestXml activity(String name, Boolean exported, Filter... filters) {
        return component("activity", name, exported, null, filters);
    }

    public ManifestXml service(String name, Boolean exported, Filter... filters) {
        return component("service", name, exported, null, filters);
    }

    public ManifestXml receiver(String name, Boolean exported, Filter... filters) {
        return component("receiver", name, exported, null, filters);
    }

    /** A receiver or service guarded by a permission callers must hold. */
    public ManifestXml guarded(String element, String name, Boolean exported, String permission, Filter... filters) {
        return component(element, name, exported, permission, filters);
    }

    public ManifestXml provider(String name, String authorities, Boolean exported) {
        Element provider = componentElement("provider", name, exported, null);
        provider.attr(ANDROID_NS, "authorities", 0x01010018, authorities);
        application.child(provider);
        return this;
    }

    private ManifestXml component(String element, String name, Boolean exported, String permission, Filter... filters) {
        Element component = componentElement(element, name, exported, permission);
        for (Filter f : filters) {
            component.child(f.element);
        }
        application.child(component);
        return this;
    }

    private static Element componentElement(String element, String name, Boolean exported, String permission) {
        Element component = AxmlWriter.element(element).attr(ANDROID_NS, "name", 0x01010003, name);
        if (exported != null) {
            component.attr(ANDROID_NS, "exported", 0x01010010, exported);
        }
        if (permission != null) {
            component.attr(ANDROID_NS, "permission", 0x01010006, permission);
        }
        return component;
    }

    /** The binary manifest; call once. */
    public byte[] build() {
        if (built) {
            throw new IllegalStateException("build() already called");
        }
        built = true;
        if (hasUsesSdk) {
            manifest.child(usesSdk);
        }
        beforeApplication.forEach(manifest::child);
        manifest.child(application);
        return AxmlWriter.write(manifest, utf8);
    }

    /** An {@code <intent-filter>} under construction. */
    public static final class Filter {
        private final Element element = AxmlWriter.element("intent-filter");

        private Filter(String... actions) {
            for (String action : actions) {
                element.child(AxmlWriter.element("action").attr(ANDROID_NS, "name", 0x01010003, action));
            }
        }

        public Filter category(String name) {
            element.child(AxmlWriter.element("category").attr(ANDROID_NS, "name", 0x01010003, name));
            return this;
        }

        public Filter priority(int priority) {
            element.attr(ANDROID_NS, "priority", 0x0101001c, priority);
            return this;
        }

        /** A {@code <data>} element; null parts are left out. An SMS data-port receiver sets only the port. */
        public Filter data(String scheme, String host, String port) {
            Element data = AxmlWriter.element("data");
            if (scheme != null) {
                data.attr(ANDROID_NS, "scheme", 0x01010027, scheme);
            }
            if (host != null) {
                data.attr(ANDROID_NS, "host", 0x01010028, host);
            }
            if (port != null) {
                data.attr(ANDROID_NS, "port", 0x01010029, port);
            }
            element.child(data);
            return this;
        }
    }
}
