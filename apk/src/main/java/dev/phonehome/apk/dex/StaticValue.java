package dev.phonehome.apk.dex;

import java.util.Objects;

/**
 * The initial value of a static field as its class definition declares it
 * ({@code static_values_off}): what a {@code static final} constant such as an SDK's
 * {@code VERSION} holds without running any code.
 *
 * @param field the field
 * @param value a {@link String}, a {@link Long} (every integral type and {@code char}), a
 *              {@link Boolean}, or null for an explicit {@code null}
 */
public record StaticValue(FieldRef field, Object value) {
    public StaticValue {
        Objects.requireNonNull(field, "field");
    }
}
