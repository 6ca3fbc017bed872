package dev.phonehome.apk.resources;

import java.util.List;

/**
 * One value of a resource in one configuration.
 *
 * @param resourceId the resource id, e.g. {@code 0x7f0b0001}
 * @param config     configuration qualifiers as in a res/ directory name, e.g. {@code default},
 *                   {@code zh-rCN}, {@code night}, {@code hdpi-v21}
 * @param value      the value; for a complex (bag) entry, {@link ResValue#TYPE_NULL}
 * @param complex    whether the entry is a bag (style, array, plural)
 * @param items      a bag's item values in file order (for an {@code array}, the array's items;
 *                   at most {@link ArscParser#MAX_BAG_ITEMS}), empty for a simple entry
 */
public record ResourceValue(int resourceId, String config, ResValue value, boolean complex, List<ResValue> items) {
    public ResourceValue {
        items = List.copyOf(items);
    }

    /** A simple (not complex) value. */
    public static ResourceValue simple(int resourceId, String config, ResValue value) {
        return new ResourceValue(resourceId, config, value, false, List.of());
    }
}
