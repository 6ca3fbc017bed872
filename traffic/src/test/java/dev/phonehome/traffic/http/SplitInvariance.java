package dev.phonehome.traffic.http;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a conversation whole, byte by byte and in random splits; all must report the same. */
final class SplitInvariance {
    private SplitInvariance() {
    }

    static Recorder parse(Conversation c) {
        Recorder whole = c.whole();
        assertThat(c.byteByByte().summary()).as("byte by byte").isEqualTo(whole.summary());
        for (long seed = 1; seed <= 3; seed++) {
            assertThat(c.randomSplits(seed).summary()).as("random splits, seed " + seed).isEqualTo(whole.summary());
        }
        return whole;
    }
}
