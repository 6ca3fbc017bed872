package dev.phonehome.traffic.adapter;

import java.util.List;
import java.util.Objects;

/**
 * One value an SDK sent, named as a parameter.
 *
 * @param context            where it sat: {@code query}, {@code body}, {@code header} or {@code cookie}
 * @param name               the parameter in {@link dev.phonehome.core.kb.FieldSelector} syntax, positions
 *                           written {@code *} unless the adapter names them: {@code data_list.*.properties.$model}
 * @param path               the decoded leaf's path, as cited evidence
 * @param value              the value as decoded
 * @param standardProperties the standard properties the adapter maps it to, sorted; empty when unmapped
 */
public record SdkParameter(String context, String name, String path, String value, List<String> standardProperties) {
    public SdkParameter {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        standardProperties = List.copyOf(standardProperties);
    }
}
