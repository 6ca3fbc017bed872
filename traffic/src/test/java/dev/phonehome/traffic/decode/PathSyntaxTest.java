package dev.phonehome.traffic.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The path grammar is cited in reports: these spellings must not drift. */
class PathSyntaxTest {
    @Test
    void namesAreQuotedOnlyWhenTheyWouldBeAmbiguous() {
        assertThat(PathSyntax.name("data_list")).isEqualTo("data_list");
        assertThat(PathSyntax.name("$lib:version")).isEqualTo("$lib:version");
        assertThat(PathSyntax.name("a b")).isEqualTo("\"a b\"");
        assertThat(PathSyntax.name("x>y")).isEqualTo("\"x>y\"");
        assertThat(PathSyntax.name("q[0]")).isEqualTo("\"q[0]\"");
        assertThat(PathSyntax.name("")).isEqualTo("\"\"");
        assertThat(PathSyntax.name("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    }

    @Test
    void jsonKeysUseDotsOrBrackets() {
        assertThat(PathSyntax.jsonKey("$model")).isEqualTo(".$model");
        assertThat(PathSyntax.jsonKey("wifi-mac")).isEqualTo(".wifi-mac");
        assertThat(PathSyntax.jsonKey("1st")).isEqualTo("[\"1st\"]");
        assertThat(PathSyntax.jsonKey("a.b")).isEqualTo("[\"a.b\"]");
    }

    @Test
    void onlyRepeatedNamesAreIndexed() {
        assertThat(PathSyntax.indexed(List.of("form:id", "form:gzip", "form:id")))
                .containsExactly("form:id[0]", "form:gzip", "form:id[1]");
        assertThat(PathSyntax.child("body", "gzip")).isEqualTo("body > gzip");
    }
}
