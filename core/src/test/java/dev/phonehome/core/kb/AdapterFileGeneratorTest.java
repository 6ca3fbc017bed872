package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pieces of the TrackHAR import that turn JavaScript patterns into our syntax. */
class AdapterFileGeneratorTest {
    @Test
    void hostRegexesAreConfinedToTheirFixedDomains() {
        assertThat(AdapterFileGenerator.domains("(android|ios)?ads\\d-?\\d\\.adcolony\\.com")).containsExactly("adcolony.com");
        assertThat(AdapterFileGenerator.domains("app(\\.eu)?\\.adjust\\.(com|net\\.in|world)"))
                .containsExactly("adjust.com", "adjust.net.in", "adjust.world");
        assertThat(AdapterFileGenerator.domains(".+\\.openx\\.net")).containsExactly("openx.net");
        assertThat(AdapterFileGenerator.domains("api\\.vungle.com")).containsExactly("api.vungle.com");
        assertThat(AdapterFileGenerator.domains("www\\.google\\..+")).as("no fixed end").isEmpty();
        assertThat(AdapterFileGenerator.domains("x\\d\\.com")).as("one label is no domain").isEmpty();
    }

    @Test
    void dataPathsBecomeSelectorsOrAreLeftOut() {
        assertThat(AdapterFileGenerator.selector("eids.*.uids.*.id")).isEqualTo("eids.*.uids.*.id");
        assertThat(AdapterFileGenerator.selector("$.device.ua")).isEqualTo("device.ua");
        assertThat(AdapterFileGenerator.selector("$[\"eid_pubcid.org\"]")).isEqualTo("\"eid_pubcid.org\"");
        assertThat(AdapterFileGenerator.selector("$[?(@property.startsWith(\"KRTBCOOKIE_\"))]")).isEqualTo("KRTBCOOKIE_*");
        assertThat(AdapterFileGenerator.selector("$[?(@property.match(/^promo\\d+id$/))]")).isNull();
        assertThat(AdapterFileGenerator.selector("$.ae..events[?(@.identifier == 'view')].category")).isNull();
    }

    @Test
    void pathsLoseTheirTrailingSlash() {
        assertThat(AdapterFileGenerator.normalisedPath("")).isEqualTo("/");
        assertThat(AdapterFileGenerator.normalisedPath("/api/bidder/prebid/bid/")).isEqualTo("/api/bidder/prebid/bid");
        assertThat(AdapterFileGenerator.normalisedPath("/")).isEqualTo("/");
    }

    @Test
    void importResolvesDecodedNamesAndMovedContexts() {
        SdkAdapterCatalog catalog = KnowledgeBase.load().sdkAdapters();
        assertThat(catalog.byId("ironsource/logs").orElseThrow().fields()).as("TrackHAR's body is JSON in the query")
                .anySatisfy(f -> assertThat(f).extracting(FieldMapping::context, FieldMapping::selector)
                        .containsExactly("query", "data.data.deviceid"));
        assertThat(catalog.byId("adagio/4dex-mp-prebid")).as("no adagio tracker in trackers.json").isEmpty();
        assertThat(catalog.byId("google/google-analytics").orElseThrow().fields())
                .anySatisfy(f -> assertThat(f.selector()).isEqualTo("user-agent"))
                .noneSatisfy(f -> assertThat(f.selector()).isEqualTo("User-Agent"));
    }
}
