package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldSelectorTest {
    private static final FieldStep DATA_LIST = FieldStep.key("data_list");

    private static List<FieldStep> steps(FieldStep... steps) {
        return List.of(steps);
    }

    private static boolean selects(String selector, List<FieldStep> steps) {
        return FieldSelector.parse(selector).match(steps).isPresent();
    }

    @Test
    void namesMatchMembersAndNumbersAlsoMatchPositions() {
        assertThat(selects("tid", steps(FieldStep.key("tid")))).isTrue();
        assertThat(selects("tid", steps(FieldStep.key("tids")))).isFalse();
        assertThat(selects("extinfo.5", steps(FieldStep.key("extinfo"), FieldStep.index(5)))).isTrue();
        assertThat(selects("extinfo.5", steps(FieldStep.key("extinfo"), FieldStep.index(4)))).isFalse();
        assertThat(selects("1.19", steps(FieldStep.key("1"), FieldStep.key("19")))).isTrue();
    }

    @Test
    void selectsTheValueAndEverythingInsideIt() {
        assertThat(selects("device", steps(FieldStep.key("device"), FieldStep.key("ua")))).isTrue();
        assertThat(selects("device.ua", steps(FieldStep.key("device")))).isFalse();
    }

    @Test
    void oneStepWildcardAlsoMatchesNothingSoASingleValueIsAOneElementList() {
        List<FieldStep> repeated = steps(FieldStep.key("1"), FieldStep.occurrence(1), FieldStep.key("19"));
        List<FieldStep> single = steps(FieldStep.key("1"), FieldStep.key("19"));
        assertThat(selects("1.*.19", repeated)).isTrue();
        assertThat(selects("1.*.19", single)).isTrue();
        assertThat(selects("1.*.19", steps(FieldStep.key("1"), FieldStep.key("2"), FieldStep.key("3"), FieldStep.key("19"))))
                .isFalse();
    }

    @Test
    void anyDepthWildcardSpansSteps() {
        List<FieldStep> model = steps(DATA_LIST, FieldStep.index(3), FieldStep.key("properties"), FieldStep.key("$model"));
        assertThat(selects("**.properties.$model", model)).isTrue();
        assertThat(selects("**.$model", model)).isTrue();
        assertThat(selects("**.properties.$os", model)).isFalse();
        assertThat(selects("**", model)).isTrue();
    }

    @Test
    void prefixAndQuotedSegments() {
        assertThat(selects("KRTBCOOKIE_*", steps(FieldStep.key("KRTBCOOKIE_123")))).isTrue();
        assertThat(selects("KRTBCOOKIE_*", steps(FieldStep.key("KRTB")))).isFalse();
        assertThat(selects("KRTBCOOKIE_*", steps(FieldStep.index(1)))).isFalse();
        assertThat(selects("\"eid_pubcid.org\"", steps(FieldStep.key("eid_pubcid.org")))).isTrue();
        assertThat(selects("\"a\\\"b\".c", steps(FieldStep.key("a\"b"), FieldStep.key("c")))).isTrue();
    }

    @Test
    void nameWritesPositionsAsWildcardsUnlessNamedAndDropsOccurrences() {
        List<FieldStep> model = steps(DATA_LIST, FieldStep.index(3), FieldStep.key("properties"), FieldStep.key("$model"));
        assertThat(FieldSelector.name(model, new boolean[0])).isEqualTo("data_list.*.properties.$model");
        List<FieldStep> ext = steps(FieldStep.key("extinfo"), FieldStep.index(5));
        assertThat(FieldSelector.name(ext, FieldSelector.parse("extinfo.5").match(ext).orElseThrow())).isEqualTo("extinfo.5");
        assertThat(FieldSelector.name(ext, FieldSelector.parse("extinfo.*").match(ext).orElseThrow())).isEqualTo("extinfo.*");
        assertThat(FieldSelector.name(steps(FieldStep.key("id"), FieldStep.occurrence(1)), new boolean[0])).isEqualTo("id");
        assertThat(FieldSelector.name(steps(FieldStep.key("a b.c")), new boolean[0])).isEqualTo("\"a b.c\"");
    }

    @Test
    void everyNameSelectsTheFieldItNames() {
        Random random = new Random(7);
        String[] keys = {"a", "$model", "x.y", "with space", "q\"uote", "1", "19", "*", "**", "back\\slash", "tab\t"};
        for (int round = 0; round < 2000; round++) {
            List<FieldStep> steps = new ArrayList<>();
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                switch (random.nextInt(3)) {
                    case 0 -> steps.add(FieldStep.key(keys[random.nextInt(keys.length)]));
                    case 1 -> steps.add(FieldStep.index(random.nextInt(4)));
                    default -> steps.add(FieldStep.occurrence(random.nextInt(4)));
                }
            }
            String name = FieldSelector.name(steps, new boolean[0]);
            if (!name.isEmpty()) {
                assertThat(FieldSelector.parse(name).match(steps)).as(name + " of " + steps).isPresent();
            }
        }
    }

    @Test
    void wildcardsStayLinearOnLongPaths() {
        List<FieldStep> deep = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            deep.add(FieldStep.index(i));
        }
        deep.add(FieldStep.key("end"));
        String selector = String.join(".", java.util.Collections.nCopies(30, "*")) + ".**.end";
        assertThat(selects(selector, deep)).isTrue();
        assertThat(selects(String.join(".", java.util.Collections.nCopies(31, "*")) + ".missing", deep)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".a", "a.", "a..b", "a b", "\"open", "**.x.**", "a*b", "\"bad\\q\""})
    void malformedSelectorsAreRefusedWithTheirText(String bad) {
        assertThatThrownBy(() -> FieldSelector.parse(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tooManySegmentsAreRefused() {
        String long33 = String.join(".", java.util.Collections.nCopies(FieldSelector.MAX_SEGMENTS + 1, "a"));
        assertThatThrownBy(() -> FieldSelector.parse(long33)).hasMessageContaining("segments");
    }
}
