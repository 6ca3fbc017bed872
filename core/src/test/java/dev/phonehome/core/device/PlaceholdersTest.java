package dev.phonehome.core.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "00000000-0000-0000-0000-000000000000", "02:00:00:00:00:00", "02-00-00-00-00-00",
            "Unknown", "NULL", "000000000000000", "ffffffffffffffff", "00:00:00:00:00:00"})
    void placeholders(String v) {
        assertThat(Placeholders.isPlaceholder(v)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"358240051111110", "02:00:00:aa:bb:cc", "e0f556e0-b265-4211-9065-85a622906954", "00000",
            "unknown-device-7", "!!!!!!"})
    void realValues(String v) {
        assertThat(Placeholders.isPlaceholder(v)).isFalse();
    }
}
