package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkSignatureIndexTest {
    private static Tracker tracker(String id, List<String> domains, List<String> regexes) {
        return new Tracker(id, id, "org", List.of(), List.of(), List.of(),
                domains.stream().map(d -> new SourcedValue(d, "src", null, null)).toList(),
                regexes.stream().map(r -> new SourcedValue(r, "src", null, "numbered hosts")).toList(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private final NetworkSignatureIndex index = NetworkSignatureIndex.of(List.of(
            tracker("ga", List.of("google-analytics.com"), List.of()),
            tracker("google", List.of("google.com"), List.of("mt[0-9]*\\.google\\.cn")),
            tracker("ads", List.of("ads.google.com"), List.of())));

    private List<String> ids(String host) {
        return index.match(host).stream().map(m -> m.tracker().id()).toList();
    }

    @Test
    void suffixMatchesOnLabelBoundariesOnly() {
        assertThat(ids("google-analytics.com")).containsExactly("ga");
        assertThat(ids("ssl.google-analytics.com")).containsExactly("ga");
        assertThat(ids("notgoogle-analytics.com")).isEmpty();
        assertThat(ids("google-analytics.com.evil.net")).isEmpty();
        assertThat(ids("analytics.com")).isEmpty();
    }

    @Test
    void nestedSuffixesAllMatch() {
        assertThat(ids("x.ads.google.com")).containsExactly("ads", "google");
        assertThat(ids("google.com")).containsExactly("google");
    }

    @Test
    void caseAndTrailingDotAreIgnored() {
        assertThat(ids("SSL.Google-Analytics.COM.")).containsExactly("ga");
    }

    @Test
    void regexesAreSearchedInTheHost() {
        assertThat(ids("mt3.google.cn")).containsExactly("google");
        assertThat(ids("mt.google.com.hk")).isEmpty();
    }

    @Test
    void hostileHostsMatchNothingAndDoNotThrow() {
        assertThat(ids("")).isEmpty();
        assertThat(ids(".")).isEmpty();
        assertThat(ids("..google.com")).containsExactly("google");
        assertThat(ids("a.".repeat(200) + "google.com")).isEmpty();
    }

    @Test
    void shippedIndexKnowsExodusAndOemDomains() {
        NetworkSignatureIndex shipped = KnowledgeBase.load().networkSignatures();
        assertThat(shipped.match("alog.umeng.com")).extracting(m -> m.tracker().id()).contains("umeng");
        assertThat(shipped.match("notumeng.com")).extracting(m -> m.tracker().id()).doesNotContain("umeng");
        assertThat(shipped.match("mt2.google.cn")).extracting(m -> m.tracker().id()).contains("autonavi-amap");
    }
}
