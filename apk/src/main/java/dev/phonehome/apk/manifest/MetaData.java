package dev.phonehome.apk.manifest;

/**
 * A {@code <meta-data>} entry. Its value is inline text ({@code android:value}, coerced as
 * Android does) or a resource id ({@code android:resource}, 0 when absent).
 */
public record MetaData(String name, String value, int resource) {
}
