package dev.phonehome.apk.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TermListDecoderTest {
    @Test
    void plainAsciiWordListsAreNotMistakenForBase64() {
        String words = "casino\nloan\ncoupon\ndating\nshopping\nweather\n";
        assertThat(TermListDecoder.decode("a", words.getBytes(StandardCharsets.UTF_8))).hasValueSatisfying(l -> {
            assertThat(l.path()).isEqualTo("a > lines");
            assertThat(l.entries()).containsExactly("casino", "loan", "coupon", "dating", "shopping", "weather");
        });
    }

    @Test
    void proseIsNotATermList() {
        String prose = "This paragraph is a long sentence that goes on and on, explaining the licence terms in detail.\n"
                .repeat(6);
        assertThat(TermListDecoder.decode("a", prose.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void base64OfAListIsPeeled() {
        byte[] blob = Base64.getEncoder().encode("alpha|bravo|charlie|delta|echo|foxtrot".getBytes(StandardCharsets.UTF_8));
        assertThat(TermListDecoder.decode("x", blob)).hasValueSatisfying(l -> {
            assertThat(l.path()).isEqualTo("x > base64 > separators");
            assertThat(l.entries()).hasSize(6);
        });
    }

    @Property(tries = 500)
    void arbitraryBytesNeverThrow(@ForAll byte[] bytes) {
        assertThat(TermListDecoder.decode("x", bytes)).isNotNull();
    }
}
