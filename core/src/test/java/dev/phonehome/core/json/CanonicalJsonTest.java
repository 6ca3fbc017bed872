package dev.phonehome.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    record Doc(String name, Optional<String> absent, Map<String, Integer> counts, List<String> items) {
    }

    record Report(String schema, List<Doc> docs, List<Doc> empty, Doc last) {
    }

    @Test
    void aDocumentWrittenPieceByPieceEqualsTheWholeOne() throws Exception {
        Doc a = new Doc("a", Optional.of("here"), Map.of("z", 1, "b", 2), List.of("x"));
        Doc b = new Doc("b", Optional.empty(), Map.of(), List.of());
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        JsonGenerator g = CanonicalJson.generator(streamed);
        g.writeStartObject();
        g.writeStringField("schema", "s/1");
        g.writeArrayFieldStart("docs");
        CanonicalJson.writeValue(g, a);
        CanonicalJson.writeValue(g, b);
        g.writeEndArray();
        g.writeArrayFieldStart("empty");
        g.writeEndArray();
        g.writeFieldName("last");
        CanonicalJson.writeValue(g, a);
        g.writeEndObject();
        CanonicalJson.finish(g, streamed);
        assertThat(streamed.toString(StandardCharsets.UTF_8))
                .isEqualTo(CanonicalJson.toString(new Report("s/1", List.of(a, b), List.of(), a)));
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
