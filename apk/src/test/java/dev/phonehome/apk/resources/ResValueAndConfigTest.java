package dev.phonehome.apk.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Typed values print as Android prints them; configurations as res/ directory qualifiers. */
class ResValueAndConfigTest {
    @Test
    void typedValuesCoerceLikeAndroid() {
        assertThat(new ResValue(ResValue.TYPE_REFERENCE, 0x7f040001, null).coerceToString()).isEqualTo("@0x7f040001");
        assertThat(new ResValue(ResValue.TYPE_INT_BOOLEAN, -1, null).coerceToString()).isEqualTo("true");
        assertThat(new ResValue(ResValue.TYPE_INT_HEX, 0x1f, null).coerceToString()).isEqualTo("0x1f");
        assertThat(ResValue.ofInt(-3).coerceToString()).isEqualTo("-3");
        assertThat(new ResValue(ResValue.TYPE_FLOAT, Float.floatToIntBits(1.5f), null).coerceToString()).isEqualTo("1.5");
        // 12dip: mantissa 12 << 8, radix 23p0 (0), unit dip (1)
        assertThat(new ResValue(ResValue.TYPE_DIMENSION, (12 << 8) | 1, null).coerceToString()).isEqualTo("12.0dip");
        assertThat(new ResValue(ResValue.TYPE_FIRST_COLOR, 0xff00ff00, null).coerceToString()).isEqualTo("#ff00ff00");
    }

    private static byte[] config() {
        return new byte[ResourceConfig.KNOWN_SIZE];
    }

    @Test
    void emptyConfigIsDefault() {
        assertThat(ResourceConfig.qualifier(config())).isEqualTo("default");
    }

    @Test
    void localesRegionsAndScripts() {
        byte[] c = config();
        c[8] = 'z';
        c[9] = 'h';
        c[10] = 'C';
        c[11] = 'N';
        assertThat(ResourceConfig.qualifier(c)).isEqualTo("zh-rCN");
        c[36] = 'H';
        c[37] = 'a';
        c[38] = 'n';
        c[39] = 's';
        assertThat(ResourceConfig.qualifier(c)).isEqualTo("b+zh+Hans+CN");
    }

    @Test
    void threeLetterLanguagesArePacked() {
        byte[] c = config();
        // "fil" packed as in ResTable_config::packLanguage: 0x80 | third << 2 | second >> 3, (second & 7) << 5 | first
        int first = 'f' - 'a';
        int second = 'i' - 'a';
        int third = 'l' - 'a';
        c[8] = (byte) (0x80 | (third << 2) | (second >> 3));
        c[9] = (byte) (((second & 7) << 5) | first);
        assertThat(ResourceConfig.qualifier(c)).isEqualTo("b+fil");
    }

    @Test
    void qualifiersFollowAaptOrder() {
        byte[] c = config();
        c[4] = (byte) 310;
        c[5] = (byte) (310 >> 8);
        c[12] = 2; // land
        c[14] = (byte) 320; // xhdpi
        c[15] = (byte) (320 >> 8);
        c[24] = 21; // v21
        c[29] = 0x20 | 6; // night, watch
        c[30] = (byte) 600; // sw600dp
        c[31] = (byte) (600 >> 8);
        assertThat(ResourceConfig.qualifier(c)).isEqualTo("mcc310-sw600dp-land-watch-night-xhdpi-v21");
    }
}
