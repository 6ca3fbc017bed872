package dev.phonehome.core.kb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a knowledge file deterministically: header first, then each list with one entry per
 * line, keys sorted, so regenerated files diff line by line.
 */
final class KbJsonWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private KbJsonWriter() {
    }

    static void write(Path file, String kbVersion, Object provenance, Map<String, List<?>> lists) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("\"schema_version\": ").append(KbFiles.SCHEMA_VERSION).append(",\n");
        out.append("\"kb_version\": ").append(json(kbVersion)).append(",\n");
        out.append("\"provenance\": ").append(json(provenance));
        for (Map.Entry<String, List<?>> list : lists.entrySet()) {
            out.append(",\n").append(json(list.getKey())).append(": [");
            String separator = "\n";
            for (Object entry : list.getValue()) {
                out.append(separator).append(json(entry));
                separator = ",\n";
            }
            out.append("\n]");
        }
        out.append("\n}\n");
        try {
            Files.writeString(file, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
