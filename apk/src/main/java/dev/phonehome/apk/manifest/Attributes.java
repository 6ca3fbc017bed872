package dev.phonehome.apk.manifest;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.ProblemLog;
import dev.phonehome.apk.resources.ResValue;
import java.util.Optional;

/**
 * Reads framework attributes of one element by resource id, with Android's coercions
 * (integers from decimal or hex text, booleans from {@code true}/{@code false}).
 */
final class Attributes {
    /** Build.VERSION_CODES.CUR_DEVELOPMENT: what a codename SDK version means to Android. */
    static final int SDK_CODENAME = 10_000;

    private final XmlElement element;
    private final ProblemLog problems;

    Attributes(XmlElement element, ProblemLog problems) {
        this.element = element;
        this.problems = problems;
    }

    Optional<ResValue> value(int id) {
        return element.attribute(id).map(XmlAttribute::value);
    }

    /** The text of a string attribute, or the coerced text of another type; null when absent. */
    String string(int id) {
        return element.attribute(id).map(XmlAttribute::text).orElse(null);
    }

    int integer(int id, int fallback) {
        Optional<ResValue> value = value(id);
        if (value.isEmpty()) {
            return fallback;
        }
        ResValue v = value.get();
        if (v.isInteger()) {
            return v.data();
        }
        if (v.isString() && v.string() != null) {
            try {
                return Integer.decode(v.string().trim());
            } catch (NumberFormatException e) {
                problems.add("manifest.attribute-value", attributeLabel(id) + " of <" + element.name()
                        + "> is not a number: '" + v.string() + "'");
                return fallback;
            }
        }
        unusable(id, v);
        return fallback;
    }

    /** An SDK version: a number, or a codename meaning {@link #SDK_CODENAME}. */
    int sdkVersion(int id, int fallback) {
        Optional<ResValue> value = value(id);
        if (value.isPresent() && value.get().isString() && value.get().string() != null
                && !value.get().string().trim().matches("-?\\d+")) {
            return SDK_CODENAME;
        }
        return integer(id, fallback);
    }

    boolean bool(int id, boolean fallback) {
        Optional<ResValue> value = value(id);
        if (value.isEmpty()) {
            return fallback;
        }
        ResValue v = value.get();
        if (v.isInteger()) {
            return v.data() != 0;
        }
        if (v.isString() && ("true".equalsIgnoreCase(v.string()) || "false".equalsIgnoreCase(v.string()))) {
            return "true".equalsIgnoreCase(v.string());
        }
        unusable(id, v);
        return fallback;
    }

    boolean has(int id) {
        return element.attribute(id).isPresent();
    }

    /** The resource id a reference attribute points to, 0 when absent or not a reference. */
    int reference(int id) {
        return value(id).filter(ResValue::isReference).map(ResValue::data).orElse(0);
    }

    private void unusable(int id, ResValue v) {
        problems.add("manifest.attribute-value", String.format("%s of <%s> has type 0x%02x (%s), default used",
                attributeLabel(id), element.name(), v.type(), v.coerceToString()));
    }

    private static String attributeLabel(int id) {
        return "android:" + AndroidAttr.nameOf(id).orElse(String.format("0x%08x", id));
    }
}
