package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyPartTest {
    @Test
    void loadsOnFirstUseAndOnlyOnce() {
        AtomicInteger loads = new AtomicInteger();
        LazyPart<String> part = new LazyPart<>(() -> "v" + loads.incrementAndGet());
        assertThat(loads).hasValue(0);
        assertThat(part.get()).isEqualTo("v1");
        assertThat(part.get()).isEqualTo("v1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFailedLoadThrowsToEveryCallerAndIsTriedAgain() {
        AtomicInteger loads = new AtomicInteger();
        LazyPart<String> part = new LazyPart<>(() -> {
            if (loads.incrementAndGet() < 3) {
                throw new KnowledgeBaseException("kb/x.json", "entry", "broken");
            }
            return "ok";
        });
        assertThatThrownBy(part::get).isInstanceOf(KnowledgeBaseException.class).hasMessageContaining("kb/x.json");
        assertThatThrownBy(part::get).isInstanceOf(KnowledgeBaseException.class);
        assertThat(part.get()).isEqualTo("ok");
        assertThat(loads).hasValue(3);
    }
}
