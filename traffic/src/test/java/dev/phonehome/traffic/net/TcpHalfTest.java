package dev.phonehome.traffic.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpHalfTest {
    final List<String> events = new ArrayList<>();
    final TcpHalf.Sink sink = new TcpHalf.Sink() {
        @Override
        public void data(long timestampNanos, ByteBuffer data) {
            events.add(StandardCharsets.US_ASCII.decode(data).toString() + "@" + timestampNanos);
        }

        @Override
        public void gap(long missingBytes) {
            events.add("gap " + missingBytes);
        }

        @Override
        public void problem(String code, String message) {
            events.add(code);
        }
    };

    static ByteBuffer b(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void exhaustedSharedBudgetDeclaresTheGapInsteadOfBuffering() {
        TcpHalf half = new TcpHalf(new TcpHalf.Budget(4));
        half.segment(1, 0, true, false, b(""), 0, sink);
        half.segment(2, 11, false, false, b("late-bytes"), 0, sink);
        assertThat(events).containsExactly("gap 10", "late-bytes@2");
    }

    @Test
    void bufferedDataKeepsItsOwnTimestamp() {
        TcpHalf half = new TcpHalf(new TcpHalf.Budget(1 << 20));
        half.segment(1, 0, true, false, b(""), 0, sink);
        half.segment(5, 4, false, false, b("def"), 0, sink);
        half.segment(9, 1, false, false, b("abc"), 0, sink);
        assertThat(events).containsExactly("abc@9", "def@5");
    }

    @Test
    void flushReleasesTheBudget() {
        TcpHalf.Budget budget = new TcpHalf.Budget(8);
        TcpHalf first = new TcpHalf(budget);
        first.segment(1, 0, true, false, b(""), 0, sink);
        first.segment(2, 5, false, false, b("12345678"), 0, sink);
        first.flush(sink);
        assertThat(budget.exhausted()).isFalse();
        TcpHalf second = new TcpHalf(budget);
        second.segment(3, 0, true, false, b(""), 0, sink);
        second.segment(4, 5, false, false, b("abcdefgh"), 0, sink);
        assertThat(events).containsExactly("gap 4", "12345678@2");
    }
}
