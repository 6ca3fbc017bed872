package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every knowledge file is in canonical form (header, one entry per line, keys sorted) and its
 * lists are sorted, so that edits by hand or by a generator give minimal, reviewable diffs.
 */
class KbFilesAreCanonicalTest {
    private static final Path KB_DIR = Path.of("src/main/resources/kb");

    /** The sort key of each list, by list name. */
    private static final Map<String, Function<Map<String, Object>, String>> SORT_KEYS = Map.ofEntries(
            Map.entry("trackers", e -> text(e, "id")),
            Map.entry("organisations", e -> text(e, "id")),
            Map.entry("permissions", e -> text(e, "name")),
            Map.entry("capabilities", e -> text(e, "id")),
            Map.entry("apis", e -> text(e, "class_name", "member", "descriptor", "capability")),
            Map.entry("eea_members", e -> text(e, "country", "from")),
            Map.entry("adapters", e -> text(e, "id")),
            Map.entry("standard_properties", e -> text(e, "name")),
            Map.entry("adequacy_decisions",
                    e -> (e.get("country") == null ? "~" : text(e, "country")) + "\t" + text(e, "from")),
            Map.entry("terms", e -> text(e, "category", "language", "term")),
            Map.entry("benign", e -> text(e, "language", "term")),
            Map.entry("placeholders", e -> text(e, "value")),
            Map.entry("imei_reporting_bodies", e -> text(e, "prefix")),
            Map.entry("packages", e -> text(e, "id")),
            Map.entry("networks", e -> String.format("%010d", ((Number) e.get("asn")).longValue())),
            Map.entry("prefixes", e -> text(e, "prefix")));

    private static String text(Map<String, Object> entry, String... keys) {
        return Stream.of(keys).map(k -> String.valueOf(entry.get(k))).collect(Collectors.joining("\t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"trackers.json", "organisations.json", "permissions.json", "risky-apis.json",
            "lexicons.json", "jurisdictions.json", "sdk-adapters.json", "identifiers.json",
            "geodata.json", "anycast-networks.json"})
    void fileIsCanonicalAndSorted(String name, @TempDir Path tmp) throws IOException {
        Path file = KB_DIR.resolve(name);
        Map<String, Object> document = new ObjectMapper().readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, List<?>> lists = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            if (value instanceof List<?> list) {
                lists.put(key, list);
            }
        });
        Path rewritten = tmp.resolve(name);
        KbJsonWriter.write(rewritten, (String) document.get("kb_version"), document.get("provenance"), lists);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(Files.readString(rewritten, StandardCharsets.UTF_8));

        lists.forEach((list, entries) -> {
            List<String> keys = new ArrayList<>();
            for (Object entry : entries) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) entry;
                keys.add(SORT_KEYS.get(list).apply(map));
            }
            assertThat(keys).as(name + " " + list).isSorted();
        });
    }
}
