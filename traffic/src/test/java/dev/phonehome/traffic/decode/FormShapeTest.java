package dev.phonehome.traffic.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class FormShapeTest {
    /** The grammar written as a regular expression: right on short input, a stack overflow on long. */
    private static final Pattern GRAMMAR = Pattern.compile("[^\\s=&]+=[^\\s&]*(&[^\\s=&]+=[^\\s&]*)*&?");

    @Property(tries = 2000)
    void agreesWithTheGrammar(@ForAll @Chars({'a', 'b', '=', '&', ' ', '\t', '%'}) @CharRange(from = '0', to = '1')
                              @StringLength(max = 24) String text) {
        assertThat(FormFields.hasFormShape(text)).as(text).isEqualTo(GRAMMAR.matcher(text).matches());
    }

    @Test
    void aFormOfFiftyThousandFieldsIsAForm() {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            form.append(i == 0 ? "" : "&").append('k').append(i).append("=v");
        }
        assertThat(FormFields.looksLikeForm(form.toString())).isTrue();
    }

    @Test
    void edgeCases() {
        assertThat(FormFields.hasFormShape("")).isFalse();
        assertThat(FormFields.hasFormShape("&")).isFalse();
        assertThat(FormFields.hasFormShape("a=1&")).isTrue();
        assertThat(FormFields.hasFormShape("a=1&&b=2")).isFalse();
        assertThat(FormFields.hasFormShape("a==b")).isTrue();
        assertThat(FormFields.hasFormShape("=b")).isFalse();
    }
}
