package dev.phonehome.apk.manifest;

import dev.phonehome.apk.resources.ResValue;

/**
 * One attribute of a binary XML element.
 *
 * @param namespace  namespace URI, or empty
 * @param name       the name string from the file (may be stripped or obfuscated)
 * @param resourceId attribute resource id from the resource map, 0 when none; Android
 *                   resolves framework attributes by this id, never by the name
 * @param rawValue   the raw string value, or null
 * @param value      the typed value
 */
public record XmlAttribute(String namespace, String name, int resourceId, String rawValue, ResValue value) {
    /**
     * The value as Android's typed-attribute lookup sees it: the typed string, else the raw
     * string, else the typed value coerced to text. Framework attributes are read this way.
     */
    public String text() {
        if (value.isString() && value.string() != null) {
            return value.string();
        }
        return rawValue != null ? rawValue : value.coerceToString();
    }

    /**
     * The value as Android's by-name lookup ({@code getAttributeValue(null, "package")}) sees
     * it: the raw string first. A file can make this differ from {@link #text()}.
     */
    public String rawText() {
        return rawValue != null ? rawValue : value.coerceToString();
    }
}
