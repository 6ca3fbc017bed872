package dev.phonehome.core.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingTest {
    @Test
    void fingerprintDependsOnRuleSubjectAndKeyOnly() {
        Finding a = Finding.of("tracker.sdk", "com.example", "sensorsdata", "Embeds Sensors Data", Severity.MEDIUM,
                EvidenceLevel.PRESENT, Map.of(), List.of(Evidence.of("class", "classes.dex", "Lcom/x;")));
        Finding b = Finding.of("tracker.sdk", "com.example", "sensorsdata", "Other title", Severity.HIGH,
                EvidenceLevel.REFERENCED, Map.of("version", "6"), List.of());
        Finding c = Finding.of("tracker.sdk", "com.example", "umeng", "Embeds Umeng", Severity.MEDIUM,
                EvidenceLevel.PRESENT, Map.of(), List.of());
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(20).isNotEqualTo(c.fingerprint());
    }

    @Test
    void sortsBySeverityDescendingThenSubjectAndEvidenceByLocation() {
        Finding low = Finding.of("r", "a", "k", "t", Severity.LOW, EvidenceLevel.PRESENT, Map.of(), List.of());
        Finding high = Finding.of("r", "b", "k", "t", Severity.HIGH, EvidenceLevel.PRESENT, Map.of(),
                List.of(Evidence.of("call", "z.dex", "x"), Evidence.of("call", "a.dex", "y")));
        assertThat(List.of(low, high).stream().sorted().toList()).containsExactly(high, low);
        assertThat(high.evidence()).extracting(Evidence::location).containsExactly("a.dex", "z.dex");
        assertThat(Severity.HIGH.atLeast(Severity.MEDIUM)).isTrue();
        assertThat(Severity.LOW.atLeast(Severity.MEDIUM)).isFalse();
    }
}
