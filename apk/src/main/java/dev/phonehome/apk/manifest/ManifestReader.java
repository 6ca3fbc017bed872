package dev.phonehome.apk.manifest;

import dev.phonehome.core.ProblemLog;
import static dev.phonehome.apk.manifest.AndroidAttr.*;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Turns a decoded manifest tree into an {@link AndroidManifest}, applying Android's defaults. */
final class ManifestReader {
    /** Android 9: cleartext traffic is off by default from this target SDK. */
    private static final int CLEARTEXT_OFF_SDK = 28;

    private ManifestReader() {
    }

    static AndroidManifest read(AxmlDocument document) {
        ProblemLog problems = new ProblemLog("AndroidManifest.xml");
        XmlElement root = document.root();
        if (!root.name().equals("manifest")) {
            problems.add("manifest.root", "root element is <" + root.name() + ">, not <manifest>");
        }
        Attributes manifest = new Attributes(root, problems);
        // Android reads the package by name, without namespace and from the raw value, unlike every other attribute.
        String packageName = root.attribute("", "package").map(XmlAttribute::rawText).orElse("");
        long versionCode = (Integer.toUnsignedLong(manifest.integer(VERSION_CODE_MAJOR, 0)) << 32)
                | Integer.toUnsignedLong(manifest.integer(VERSION_CODE, 0));
        int minSdk = 1;
        int targetSdk = 0;
        for (XmlElement usesSdk : root.children("uses-sdk")) {
            Attributes sdk = new Attributes(usesSdk, problems);
            minSdk = sdk.sdkVersion(MIN_SDK_VERSION, minSdk);
            targetSdk = sdk.sdkVersion(TARGET_SDK_VERSION, targetSdk);
        }
        if (targetSdk == 0) {
            targetSdk = minSdk;
        }
        OptionalInt compileSdk = manifest.has(COMPILE_SDK_VERSION)
                ? OptionalInt.of(manifest.integer(COMPILE_SDK_VERSION, 0)) : OptionalInt.empty();
        ComponentReader components = new ComponentReader(packageName, targetSdk, problems);
        Application application = application(root, components, targetSdk, problems);
        List<Permissions.Requested> usesPermissions = usesPermissions(root, problems);
        List<Permissions.Declared> permissions = declaredPermissions(root, problems);
        List<Requirement> features = requirements(root, "uses-feature", problems);
        Queries queries = queries(root, components);
        String versionName = manifest.string(VERSION_NAME);
        String sharedUserId = manifest.string(SHARED_USER_ID);
        List<Problem> all = new ArrayList<>(document.problems());
        all.addAll(problems.problems());
        return new AndroidManifest(packageName, versionCode, versionName, minSdk, targetSdk, compileSdk, sharedUserId,
                application, usesPermissions, permissions, features, queries, root, all);
    }

    private static Application application(XmlElement root, ComponentReader components, int targetSdk,
            ProblemLog problems) {
        List<XmlElement> applications = root.children("application");
        if (applications.size() > 1) {
            problems.add("manifest.duplicate-application", applications.size()
                    + " <application> elements; Android refuses to install such an app, the first is read");
        }
        XmlElement app = applications.isEmpty()
                ? new XmlElement("", "application", 0, List.of(), List.of()) : applications.get(0);
        Attributes a = new Attributes(app, problems);
        String name = a.string(NAME);
        int labelResource = a.reference(LABEL);
        return new Application(name == null ? null : components.className(name),
                labelResource == 0 ? a.string(LABEL) : null, labelResource, a.bool(DEBUGGABLE, false),
                a.bool(ALLOW_BACKUP, true), a.bool(USES_CLEARTEXT_TRAFFIC, targetSdk < CLEARTEXT_OFF_SDK),
                a.reference(NETWORK_SECURITY_CONFIG), a.string(APP_COMPONENT_FACTORY), components.all(app),
                ComponentReader.metaData(app, problems), requirements(app, "uses-library", problems));
    }

    private static List<Permissions.Requested> usesPermissions(XmlElement root, ProblemLog problems) {
        List<Permissions.Requested> requested = new ArrayList<>();
        for (XmlElement e : root.children()) {
            boolean sdk23 = e.name().equals("uses-permission-sdk-23") || e.name().equals("uses-permission-sdk-m");
            if (e.name().equals("uses-permission") || sdk23) {
                Attributes a = new Attributes(e, problems);
                String name = a.string(NAME);
                if (name != null && !name.isEmpty()) {
                    requested.add(new Permissions.Requested(name, a.integer(MAX_SDK_VERSION, 0), sdk23));
                }
            }
        }
        return requested;
    }

    private static List<Permissions.Declared> declaredPermissions(XmlElement root, ProblemLog problems) {
        List<Permissions.Declared> declared = new ArrayList<>();
        for (XmlElement e : root.children("permission")) {
            Attributes a = new Attributes(e, problems);
            String name = a.string(NAME);
            if (name != null) {
                declared.add(new Permissions.Declared(name, a.integer(PROTECTION_LEVEL, 0), a.string(PERMISSION_GROUP)));
            }
        }
        return declared;
    }

    private static List<Requirement> requirements(XmlElement parent, String element, ProblemLog problems) {
        List<Requirement> requirements = new ArrayList<>();
        for (XmlElement e : parent.children(element)) {
            Attributes a = new Attributes(e, problems);
            String name = a.string(NAME);
            if (name != null) {
                requirements.add(new Requirement(name, a.bool(REQUIRED, true)));
            }
        }
        return requirements;
    }

    private static Queries queries(XmlElement root, ComponentReader components) {
        List<String> packages = new ArrayList<>();
        List<IntentFilter> intents = new ArrayList<>();
        List<String> authorities = new ArrayList<>();
        for (XmlElement queries : root.children("queries")) {
            for (XmlElement q : queries.children()) {
                switch (q.name()) {
                    case "package" -> q.attribute(NAME).map(XmlAttribute::text).ifPresent(packages::add);
                    case "intent" -> intents.add(components.intentFilter(q));
                    case "provider" -> q.attribute(AUTHORITIES).map(XmlAttribute::text).ifPresent(authorities::add);
                    default -> { }
                }
            }
        }
        return packages.isEmpty() && intents.isEmpty() && authorities.isEmpty()
                ? Queries.NONE : new Queries(packages, intents, authorities);
    }
}
