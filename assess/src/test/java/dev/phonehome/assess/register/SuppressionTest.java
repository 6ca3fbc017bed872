package dev.phonehome.assess.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phonehome.assess.SampleScan;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.model.RiskStatus;
import dev.phonehome.assess.yaml.YamlFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuppressionTest {
    @TempDir
    Path dir;

    @Test
    void suppressedRiskStaysListedWithItsReasonAndLeavesTheOpenCounts() throws Exception {
        Assessment before = SampleScan.assessor().assess(SampleScan.staticInput());
        Risk debuggable = before.risks().stream().filter(r -> r.id().equals("PH-SEC-001")).findFirst().orElseThrow();
        Path file = Files.writeString(dir.resolve("accepted.yaml"), """
                suppressions:
                  - id: PH-SEC-001
                    fingerprint: "%s"
                    reason: "IMS test build, not shipped (ticket 7)"
                  - id: PH-SEC-009
                    fingerprint: "00000000000000000000"
                    reason: stale entry
                """.formatted(debuggable.fingerprint()));
        var input = SampleScan.staticInput();
        Assessment after = SampleScan.assessor().assess(new dev.phonehome.assess.AssessmentInput(input.scan(),
                input.captures(), input.exchanges(), input.device(), Suppressions.read(file), input.problems()));

        Risk suppressed = after.risks().stream().filter(r -> r.fingerprint().equals(debuggable.fingerprint()))
                .findFirst().orElseThrow();
        assertThat(suppressed.status()).isEqualTo(RiskStatus.SUPPRESSED);
        assertThat(suppressed.suppression()).contains("IMS test build, not shipped (ticket 7)");
        assertThat(after.risks()).hasSameSizeAs(before.risks()).last().isEqualTo(suppressed);
        assertThat(after.summary().openRisks()).isEqualTo(before.summary().openRisks() - 1);
        assertThat(after.summary().suppressedRisks()).isEqualTo(1);
        assertThat(after.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("suppression.unused");
            assertThat(p.message()).contains("PH-SEC-009");
        });
    }

    @Test
    void aBadSuppressionFileIsRefusedNamingFileAndEntry() throws Exception {
        assertRefused("suppressions: {id: x}", "expected a top-level 'suppressions' list");
        assertRefused("suppressions:\n  - id: PH-SEC-001\n    fingerprint: abc\n    reason: r\n", "suppressions[0]: fingerprint 'abc'");
        assertRefused("suppressions:\n  - id: PH-SEC-001\n    fingerprint: 0123456789abcdef0123\n", "suppressions[0]: reason is missing");
        assertRefused("suppressions:\n  - {id: A, fingerprint: 0123456789abcdef0123, reason: r, until: 2027}\n",
                "unknown key 'until'");
        assertRefused("suppressions:\n  - {id: A, fingerprint: 0123456789abcdef0123, reason: r}\n"
                + "  - {id: A, fingerprint: 0123456789abcdef0123, reason: s}\n", "listed twice");
        assertRefused("suppressions: [\n", "not valid YAML");
    }

    private void assertRefused(String yaml, String message) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), yaml);
        assertThatThrownBy(() -> Suppressions.read(file)).isInstanceOf(YamlFileException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(message);
    }
}
