package dev.phonehome.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemLogTest {
    @Test
    void keepsProblemsInOrderWithDefaultOrExplicitSubject() {
        ProblemLog log = new ProblemLog("classes.dex");
        assertThat(log.isEmpty()).isTrue();
        log.add("dex.checksum", "mismatch");
        log.add("dex.class", "classes.dex Lcom/x;", "bad class data");
        assertThat(log.problems()).containsExactly(new Problem("dex.checksum", "classes.dex", "mismatch"),
                new Problem("dex.class", "classes.dex Lcom/x;", "bad class data"));
    }

    @Test
    void capsTheListAndCountsWhatWasDropped() {
        ProblemLog log = new ProblemLog("capture", 3);
        for (int i = 0; i < 8; i++) {
            log.add("pcap.bad-record", "record " + i);
        }
        List<Problem> problems = log.problems();
        assertThat(problems).hasSize(4);
        assertThat(problems.get(3)).isEqualTo(new Problem("problems.truncated", "capture", "5 more problems not recorded"));
    }
}
