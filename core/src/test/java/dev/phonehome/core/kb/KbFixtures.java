package dev.phonehome.core.kb;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Small valid knowledge files, built as text so each test can break exactly one thing. */
final class KbFixtures {
    static final String HEADER = """
            "schema_version": 1, "kb_version": "test",
            "provenance": {"generated_by": "test", "sources": [
              {"id": "src", "title": "Test source", "origin": "KbFixtures", "date": "2026-01-01"}]},
            """;
    static final String PROVENANCE = "[{\"source\": \"src\", \"date\": \"2026-01-01\"}]";

    static final String ORGANISATIONS = "{" + HEADER + """
            "organisations": [
              {"id": "alibaba", "name": "Alibaba", "country": "CN", "provenance": %1$s},
              {"id": "umeng", "name": "Umeng", "parent": "alibaba", "country": "CN", "provenance": %1$s}]}
            """.formatted(PROVENANCE);

    static final String TRACKERS = "{" + HEADER + """
            "trackers": [
              {"id": "umeng", "name": "Umeng", "organisation": "umeng", "categories": ["Analytics"],
               "code_prefixes": [{"value": "com.umeng.", "source": "src"}],
               "domains": [{"value": "umeng.com", "source": "src"}],
               "provenance": %1$s}]}
            """.formatted(PROVENANCE);

    private KbFixtures() {
    }

    static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    static Organisations organisations(String json) {
        return Organisations.parse("organisations.json", stream(json), null);
    }

    static Trackers trackers(String json) {
        return Trackers.validate("trackers.json", Trackers.read("trackers.json", stream(json), null),
                organisations(ORGANISATIONS));
    }
}
