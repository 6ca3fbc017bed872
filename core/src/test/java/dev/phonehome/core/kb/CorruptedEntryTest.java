package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every field of a file's header and first entries, removed or replaced by a wrong value, yields
 * a valid knowledge base or a {@link KnowledgeBaseException}: never a NullPointerException or
 * another surprise from deep inside the loader.
 */
class CorruptedEntryTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path KB_DIR = Path.of("src/main/resources/kb");
    private static final int MAX_DEPTH = 4;
    private static final int KEPT_ENTRIES = 3;

    private static final Map<String, Function<InputStream, Object>> PARSERS = Map.of(
            "trackers.json", in -> Trackers.validate("f", Trackers.read("f", in, null), KnowledgeBase.load().organisations()),
            "organisations.json", in -> Organisations.parse("f", in, null),
            "permissions.json", in -> Permissions.parse("f", in, null),
            "risky-apis.json", in -> RiskyApis.parse("f", in, null),
            "lexicons.json", in -> Lexicon.parse("f", in, null),
            "jurisdictions.json", in -> Jurisdictions.parse("f", in, null));

    private static final List<UnaryOperator<JsonNode>> WRONG_VALUES = List.of(
            v -> null,
            v -> JsonNodeFactory.instance.nullNode(),
            v -> JsonNodeFactory.instance.numberNode(-1),
            v -> JsonNodeFactory.instance.textNode(""),
            v -> JsonNodeFactory.instance.arrayNode().addNull(),
            v -> JsonNodeFactory.instance.objectNode());

    @ParameterizedTest
    @ValueSource(strings = {"trackers.json", "organisations.json", "permissions.json", "risky-apis.json",
            "lexicons.json", "jurisdictions.json"})
    void everyFieldCorruptedInTurn(String name) throws Exception {
        ObjectNode original = (ObjectNode) MAPPER.readTree(KB_DIR.resolve(name).toFile());
        // Entries are validated one by one, so a few of them keep the test fast.
        original.forEach(list -> {
            while (list.isArray() && list.size() > KEPT_ENTRIES) {
                ((ArrayNode) list).remove(list.size() - 1);
            }
        });
        List<List<Object>> paths = new ArrayList<>();
        collect(original, new ArrayList<>(), paths, 0);
        assertThat(paths).hasSizeGreaterThan(10);
        int refused = 0;
        for (List<Object> path : paths) {
            for (UnaryOperator<JsonNode> wrong : WRONG_VALUES) {
                ObjectNode copy = original.deepCopy();
                replace(copy, path, wrong);
                byte[] bytes = MAPPER.writeValueAsBytes(copy);
                Throwable thrown = catchThrowable(() -> PARSERS.get(name).apply(new ByteArrayInputStream(bytes)));
                assertThat(thrown).as("%s at %s", name, path).satisfiesAnyOf(
                        t -> assertThat(t).isNull(),
                        t -> assertThat(t).isInstanceOf(KnowledgeBaseException.class));
                refused += thrown == null ? 0 : 1;
            }
        }
        assertThat(refused).isGreaterThan(paths.size());
    }

    /** Paths to every object field of the header and of the first entry of each list, recursively. */
    private static void collect(JsonNode node, List<Object> prefix, List<List<Object>> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                List<Object> path = new ArrayList<>(prefix);
                path.add(field);
                out.add(path);
                collect(node.get(field), path, out, depth + 1);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            List<Object> path = new ArrayList<>(prefix);
            path.add(0);
            collect(node.get(0), path, out, depth + 1);
        }
    }

    private static void replace(JsonNode root, List<Object> path, UnaryOperator<JsonNode> wrong) {
        JsonNode parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        String field = (String) path.get(path.size() - 1);
        JsonNode replacement = wrong.apply(parent.get(field));
        if (replacement == null) {
            ((ObjectNode) parent).remove(field);
        } else {
            ((ObjectNode) parent).set(field, replacement);
        }
    }
}
