package dev.phonehome.apk.resources;

/**
 * One value of a resource in one configuration.
 *
 * @param resourceId the resource id, e.g. {@code 0x7f0b0001}
 * @param config     configuration qualifiers as in a res/ directory name, e.g. {@code default},
 *                   {@code zh-rCN}, {@code night}, {@code hdpi-v21}
 * @param value      the value; for a complex (bag) entry, {@link ResValue#TYPE_NULL}
 * @param complex    whether the entry is a bag (style, array, plural), whose items are not kept
 */
public record ResourceValue(int resourceId, String config, ResValue value, boolean complex) {
}
