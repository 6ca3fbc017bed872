package dev.phonehome.traffic.decode;

import java.util.Objects;

/**
 * One leaf of a decoded request.
 *
 * @param path  where the value was found, in the syntax of {@link PathSyntax}, e.g.
 *              {@code body > form:data_list > base64 > gzip > json[0].properties.$model}
 * @param value the value, written as {@link ValueKind} says
 * @param kind  what the value is
 */
public record DecodedValue(String path, String value, ValueKind kind) {
    public DecodedValue {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
    }
}
