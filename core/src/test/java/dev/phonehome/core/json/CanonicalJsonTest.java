package dev.phonehome.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    record Doc(String name, Optional<String> absent, Map<String, Integer> counts, List<String> items) {
    }

    @Test
    void sortsMapKeysKeepsRecordOrderAndDropsEmptyOptionals() {
        Map<String, Integer> counts = new HashMap<>();
        for (String k : List.of("zeta", "alpha", "mu", "beta")) {
            counts.put(k, k.length());
        }
        String json = CanonicalJson.toString(new Doc("x", Optional.empty(), counts, List.of("b", "a")));
        assertThat(json).isEqualTo("""
                {
                  "name" : "x",
                  "counts" : {
                    "alpha" : 5,
                    "beta" : 4,
                    "mu" : 2,
                    "zeta" : 4
                  },
                  "items" : [
                    "b",
                    "a"
                  ]
                }
                """);
    }
}
