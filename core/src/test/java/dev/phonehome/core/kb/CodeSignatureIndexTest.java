package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CodeSignatureIndexTest {
    private static final KnowledgeBase KB = KnowledgeBase.load();

    private static Tracker tracker(String id, String... prefixes) {
        List<SourcedValue> values = new ArrayList<>();
        for (String p : prefixes) {
            values.add(new SourcedValue(p, "src", null, null));
        }
        return new Tracker(id, id, "org", List.of(), values, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static List<String> ids(CodeSignatureIndex index, String name) {
        return index.match(name).stream().map(m -> m.tracker().id() + ":" + m.prefix()).toList();
    }

    private final CodeSignatureIndex index = CodeSignatureIndex.of(List.of(
            tracker("umeng", "com.umeng."),
            tracker("umeng-analytics", "com.umeng.analytics"),
            tracker("pangle", "com.bytedance"),
            tracker("firebase", "com.google.firebase.analytics.FirebaseAnalytics")));

    @Test
    void packagePrefixWithDotDoesNotMatchALongerSegment() {
        assertThat(ids(index, "com.umengx.Foo")).isEmpty();
        assertThat(ids(index, "com.umeng")).isEmpty();
        assertThat(ids(index, "com.umeng.Foo")).containsExactly("umeng:com.umeng.");
    }

    @Test
    void prefixWithoutDotMatchesOnlyWholeSegments() {
        assertThat(ids(index, "com.umeng.analytics.MobclickAgent")).containsExactly(
                "umeng:com.umeng.", "umeng-analytics:com.umeng.analytics");
        assertThat(ids(index, "com.umeng.analyticsx.A")).containsExactly("umeng:com.umeng.");
        assertThat(ids(index, "com.bytedancex.A")).isEmpty();
        assertThat(ids(index, "com.bytedance")).containsExactly("pangle:com.bytedance");
    }

    @Test
    void classPrefixCoversNestedClasses() {
        assertThat(ids(index, "com.google.firebase.analytics.FirebaseAnalytics$Event")).containsExactly(
                "firebase:com.google.firebase.analytics.FirebaseAnalytics");
        assertThat(ids(index, "com.google.firebase.analytics.FirebaseAnalyticsX")).isEmpty();
    }

    @Test
    void descriptorInternalAndDottedFormsAgree() {
        for (String form : List.of("Lcom/umeng/analytics/A$B;", "com/umeng/analytics/A$B", "com.umeng.analytics.A$B",
                "[Lcom/umeng/analytics/A$B;")) {
            assertThat(ids(index, form)).as(form).containsExactly("umeng:com.umeng.", "umeng-analytics:com.umeng.analytics");
        }
        assertThat(ids(index, "Lcom/umengx/A;")).isEmpty();
    }

    @Test
    void emptyAndOddNamesMatchNothing() {
        assertThat(ids(index, "")).isEmpty();
        assertThat(ids(index, "L;")).isEmpty();
        assertThat(ids(index, "[[[")).isEmpty();
        assertThat(ids(index, "Lcom/umeng/")).isEmpty();
    }

    @Test
    void regexSignaturesNameAnyDepthSegments() {
        assertThat(KB.codeSignatures().match("Lnet/example/tealium/Tracker;"))
                .extracting(m -> m.tracker().id()).contains("tealium");
        assertThat(KB.codeSignatures().match("Lnet/example/tealiumx/Tracker;"))
                .extracting(m -> m.tracker().id()).doesNotContain("tealium");
    }

    @Test
    void anyDepthLiteralsAndOtherRegexesBothMatch() {
        Tracker withRegexes = new Tracker("r", "r", "org", List.of(), List.of(),
                List.of(new SourcedValue(".*\\.adswizz\\.", "src", null, null),
                        new SourcedValue("com\\.ex[0-9]+\\.", "src", null, null)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
        CodeSignatureIndex regexIndex = CodeSignatureIndex.of(List.of(withRegexes));
        assertThat(ids(regexIndex, "Lnet/a/adswizz/B;")).containsExactly("r:.*\\.adswizz\\.");
        assertThat(ids(regexIndex, "net.adswizz.B")).containsExactly("r:.*\\.adswizz\\.");
        assertThat(ids(regexIndex, "adswizz.B")).isEmpty();
        assertThat(ids(regexIndex, "net.adswizzx.B")).isEmpty();
        assertThat(ids(regexIndex, "Lcom/ex42/A;")).containsExactly("r:com\\.ex[0-9]+\\.");
        assertThat(ids(regexIndex, "Lcom/exa/A;")).isEmpty();
    }

    /** The specification the trie must meet: a scan of every prefix with the boundary rule. */
    private static List<String> naive(List<Tracker> trackers, String className) {
        String dotted = className.startsWith("L") && className.endsWith(";")
                ? className.substring(1, className.length() - 1).replace('/', '.') : className.replace('/', '.');
        List<CodeMatch> found = new ArrayList<>();
        for (Tracker t : trackers) {
            for (SourcedValue p : t.codePrefixes()) {
                String prefix = p.value();
                if (dotted.startsWith(prefix) && (prefix.endsWith(".") || dotted.length() == prefix.length()
                        || dotted.charAt(prefix.length()) == '.' || dotted.charAt(prefix.length()) == '$')) {
                    found.add(new CodeMatch(prefix, t));
                }
            }
            for (SourcedValue r : t.codeRegexes()) {
                if (java.util.regex.Pattern.compile(r.value()).matcher(dotted).lookingAt()) {
                    found.add(new CodeMatch(r.value(), t));
                }
            }
        }
        found.sort(Comparator.comparing((CodeMatch m) -> m.tracker().id()).thenComparing(CodeMatch::prefix));
        return found.stream().map(m -> m.tracker().id() + ":" + m.prefix()).toList();
    }

    @Property(tries = 300)
    void anyDepthSignaturesEqualNaiveScan(@ForAll("namesAroundRegexLiterals") String className) {
        assertThat(ids(KB.codeSignatures(), className)).isEqualTo(naive(KB.trackers().all(), className));
    }

    /** Names holding the literal of a regex signature (or a near miss) at some depth, in either form. */
    @Provide
    Arbitrary<String> namesAroundRegexLiterals() {
        List<String> literals = KB.trackers().all().stream().flatMap(t -> t.codeRegexes().stream())
                .map(r -> r.value().replace(".*", "").replace("\\.", ".")).toList();
        Arbitrary<String> head = Arbitraries.of("", "com", "a.b", "net/x");
        Arbitrary<String> tail = Arbitraries.of("", "A", "x.B", "$C", "X");
        return Combinators.combine(head, Arbitraries.of(literals), Arbitraries.integers().between(0, 2), tail,
                Arbitraries.of(true, false)).as((h, literal, cut, t, descriptor) -> {
                    String name = h + literal.substring(0, literal.length() - cut) + t;
                    return descriptor ? "L" + name.replace('.', '/') + ";" : name;
                });
    }

    @Property(tries = 500)
    void trieEqualsNaiveScan(@ForAll("classNames") String className) {
        List<Tracker> all = KB.trackers().all();
        assertThat(ids(KB.codeSignatures(), className)).isEqualTo(naive(all, className));
    }

    /** Names built from real prefixes, cut or extended at random, in dotted or descriptor form. */
    @Provide
    Arbitrary<String> classNames() {
        List<String> prefixes = KB.trackers().all().stream()
                .flatMap(t -> t.codePrefixes().stream()).map(SourcedValue::value).toList();
        Arbitrary<String> base = Arbitraries.of(prefixes);
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 3);
        Arbitrary<String> tail = Arbitraries.of("", ".", "$", "x", ".A", "$1", "x.B", "Foo", ".a.b.C$D");
        return Combinators.combine(base, cut, tail, Arbitraries.of(true, false)).as((prefix, c, t, descriptor) -> {
            String name = prefix.substring(0, Math.max(0, prefix.length() - c)) + t;
            return descriptor ? "L" + name.replace('.', '/') + ";" : name;
        });
    }
}
