package dev.phonehome.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LuhnTest {
    @Test
    void knownImeisAndIccids() {
        assertThat(Luhn.isValid("490154203237518")).isTrue();
        assertThat(Luhn.isValid("358240051111110")).isTrue();
        assertThat(Luhn.isValid("358240051111111")).isFalse();
        assertThat(Luhn.checkDigit("49015420323751")).isEqualTo(8);
        assertThat(Luhn.isValid("79927398713")).isTrue();
        assertThat(Luhn.isValid("7")).isFalse();
    }

    @Test
    void nonDigitsAreRefused() {
        assertThatThrownBy(() -> Luhn.checkDigit("12a4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a digit at 2: a");
    }
}
