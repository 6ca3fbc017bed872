package dev.phonehome.apk.manifest;

import dev.phonehome.core.ProblemLog;
import static dev.phonehome.apk.manifest.AndroidAttr.*;

import dev.phonehome.core.ProblemLog;
import java.util.ArrayList;
import java.util.List;

/** Reads the components, intent filters and meta-data of an {@code <application>}. */
final class ComponentReader {
    /** Android 4.2: providers stop being exported by default from this target SDK. */
    private static final int PROVIDER_PRIVATE_SDK = 17;
    /** Android 12: components with intent filters must say whether they are exported. */
    private static final int EXPLICIT_EXPORT_SDK = 31;

    private final String packageName;
    private final int targetSdk;
    private final ProblemLog problems;

    ComponentReader(String packageName, int targetSdk, ProblemLog problems) {
        this.packageName = packageName;
        this.targetSdk = targetSdk;
        this.problems = problems;
    }

    List<Component> all(XmlElement application) {
        List<Component> components = new ArrayList<>();
        for (XmlElement e : application.children()) {
            for (Component.Kind kind : Component.Kind.values()) {
                if (kind.element().equals(e.name())) {
                    components.add(component(kind, e));
                }
            }
        }
        return components;
    }

    private Component component(Component.Kind kind, XmlElement e) {
        Attributes a = new Attributes(e, problems);
        String name = className(a.string(NAME) == null ? "" : a.string(NAME));
        List<IntentFilter> filters = e.children("intent-filter").stream().map(this::intentFilter).toList();
        boolean explicit = a.has(EXPORTED);
        boolean exported = a.bool(EXPORTED, impliedExported(kind, name, filters));
        String target = a.string(TARGET_ACTIVITY);
        return new Component(kind, name, a.bool(ENABLED, true), exported, explicit, a.string(PERMISSION),
                target == null ? null : className(target), a.string(AUTHORITIES), filters, metaData(e, problems));
    }

    /** Android's default: providers were public before API 17, other components are public when they have a filter. */
    private boolean impliedExported(Component.Kind kind, String name, List<IntentFilter> filters) {
        if (kind == Component.Kind.PROVIDER) {
            return targetSdk < PROVIDER_PRIVATE_SDK;
        }
        if (filters.isEmpty()) {
            return false;
        }
        if (targetSdk >= EXPLICIT_EXPORT_SDK) {
            problems.add("manifest.exported-missing", kind.element() + " " + name
                    + " has intent filters but no android:exported; Android 12+ refuses to install the app");
            return false;
        }
        return true;
    }

    IntentFilter intentFilter(XmlElement filter) {
        List<String> actions = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<IntentFilter.Data> data = new ArrayList<>();
        for (XmlElement child : filter.children()) {
            Attributes a = new Attributes(child, problems);
            switch (child.name()) {
                case "action" -> addIfPresent(actions, a.string(NAME));
                case "category" -> addIfPresent(categories, a.string(NAME));
                case "data" -> data.add(new IntentFilter.Data(a.string(SCHEME), a.string(HOST), a.string(PORT),
                        a.string(PATH), a.string(PATH_PREFIX), a.string(PATH_PATTERN), a.string(MIME_TYPE)));
                default -> { }
            }
        }
        return new IntentFilter(new Attributes(filter, problems).integer(PRIORITY, 0), actions, categories, data);
    }

    static List<MetaData> metaData(XmlElement parent, ProblemLog problems) {
        List<MetaData> entries = new ArrayList<>();
        for (XmlElement m : parent.children("meta-data")) {
            Attributes a = new Attributes(m, problems);
            String name = a.string(NAME);
            if (name != null) {
                entries.add(new MetaData(name, a.string(VALUE), a.reference(RESOURCE)));
            }
        }
        return entries;
    }

    /** Android's {@code buildClassName}: {@code .Foo} and {@code Foo} belong to the package, {@code a.Foo} stands alone. */
    String className(String name) {
        if (name.startsWith(".")) {
            return packageName + name;
        }
        return name.indexOf('.') < 0 && !name.isEmpty() ? packageName + "." + name : name;
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null) {
            list.add(value);
        }
    }
}
