package dev.phonehome.core.device;

import java.util.Objects;

/**
 * One identifier of a profile to search for.
 *
 * @param key   where it is written in {@code device.yaml}, e.g. {@code imei2} or {@code honey[3]}
 * @param type  what it is
 * @param value the value as normalised by {@link DeviceProfiles} (digits only for IMEI, lower-case colon MAC...)
 */
public record ProfileValue(String key, PersonalDataType type, String value) {
    public ProfileValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
