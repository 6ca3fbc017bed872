package dev.phonehome.traffic.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeafKeysTest {
    @Test
    void lastKeyOfEachPathShape() {
        assertThat(LeafKeys.lastKey("body > form:data_list > base64 > gzip > json[0].properties.$model")).isEqualTo("$model");
        assertThat(LeafKeys.lastKey("query > form:id[1]")).isEqualTo("id");
        assertThat(LeafKeys.lastKey("body > json[\"ad id\"]")).isEqualTo("ad id");
        assertThat(LeafKeys.lastKey("body > json.a[2][0]")).isEqualTo("a");
        assertThat(LeafKeys.lastKey("header:X-Ad-Id")).isEqualTo("X-Ad-Id");
        assertThat(LeafKeys.lastKey("body > pb:1.19")).isEqualTo("19");
    }

    @Test
    void siblingsShareAParent() {
        assertThat(LeafKeys.parent("body > json.geo.lat")).isEqualTo(LeafKeys.parent("body > json.geo.lng"))
                .isEqualTo("body > json.geo.");
        assertThat(LeafKeys.parent("body > json[0].lat")).isNotEqualTo(LeafKeys.parent("body > json[1].lng"));
        assertThat(LeafKeys.normal("Google_Ad-ID")).isEqualTo("googleadid");
    }
}
