package dev.phonehome.assess.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link Html#visible}: what a reader sees of a hostile string. */
class HtmlVisibleTest {
    @Test
    void directionControlsAndInvisibleCharactersAreNamed() {
        assertThat(Html.visible("a\u202Eb\u2066c\u200Bd\u0085e\u2028f\u0007g", 100))
                .isEqualTo("a[U+202E]b[U+2066]c[U+200B]d[U+0085]e[U+2028]f[U+0007]g");
    }

    @Test
    void ordinaryTextIncludingOtherScriptsAndEmojiIsKept() {
        assertThat(Html.visible("神策数据 😀 línea\nzwei\tdrei", 100)).isEqualTo("神策数据 😀 línea\nzwei\tdrei");
    }

    @Test
    void longValuesAreCutByCodePointsWithTheRestCounted() {
        assertThat(Html.visible("😀".repeat(10), 4)).isEqualTo("😀😀😀😀… [6 more characters]");
        assertThat(Html.visible("abc", 3)).isEqualTo("abc");
    }

    @Test
    void aLoneSurrogateIsNamedNotPassedOn() {
        assertThat(Html.visible("a\uD800b", 10)).isEqualTo("a[U+D800]b");
    }
}
