package dev.phonehome.core.kb;

/**
 * A field of a payload and the standard property it carries.
 *
 * @param property a standard property name (see {@link SdkAdapterCatalog#standardProperties()})
 * @param context  where the field sits: {@code query}, {@code body}, {@code header}, {@code cookie}
 * @param selector the field, in {@link FieldSelector} syntax
 * @param notIf    values that do not count (placeholders such as {@code 0}), or null
 * @param onlyIf   the only values that count, or null
 */
public record FieldMapping(String property, String context, String selector, ValueCondition notIf,
                           ValueCondition onlyIf) {
}
