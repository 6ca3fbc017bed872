package dev.phonehome.core.kb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

/** Reads knowledge files into their document records and checks the common header. */
final class KbFiles {
    /** The schema version this code reads; a file with another version is refused. */
    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private KbFiles() {
    }

    /** Opens a knowledge resource from the class path, e.g. {@code kb/trackers.json}. */
    static InputStream open(String resource) {
        InputStream in = KbFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new KnowledgeBaseException(resource, "file", "not found on the class path");
        }
        return in;
    }

    /**
     * Parses {@code in} as {@code type} and validates the header; closes the stream.
     *
     * @param kbVersion the version all files of the knowledge base must share, or null to accept any
     */
    static <T extends KbDocument> T read(String file, InputStream in, Class<T> type, String kbVersion) {
        T document;
        try (in) {
            document = MAPPER.readValue(in, type);
        } catch (JsonMappingException e) {
            throw new KnowledgeBaseException(file, "at " + path(e), e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new KnowledgeBaseException(file, "syntax", e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new KnowledgeBaseException(file, "read", e.getMessage(), e);
        }
        checkHeader(file, document);
        if (kbVersion != null && !kbVersion.equals(document.kbVersion())) {
            throw new KnowledgeBaseException(file, "header",
                    "kb_version is " + document.kbVersion() + " but the knowledge base is " + kbVersion);
        }
        return document;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("/", "/", ""));
    }

    private static void checkHeader(String file, KbDocument document) {
        if (document == null) {
            throw new KnowledgeBaseException(file, "header", "file is empty");
        }
        if (document.schemaVersion() == null || document.schemaVersion() != SCHEMA_VERSION) {
            throw new KnowledgeBaseException(file, "header",
                    "schema_version is " + document.schemaVersion() + ", expected " + SCHEMA_VERSION);
        }
        if (document.kbVersion() == null || document.kbVersion().isBlank()) {
            throw new KnowledgeBaseException(file, "header", "kb_version is missing");
        }
        FileProvenance provenance = document.provenance();
        if (provenance == null || provenance.sources() == null || provenance.sources().isEmpty()) {
            throw new KnowledgeBaseException(file, "header", "provenance with at least one source is missing");
        }
        if (provenance.generatedBy() == null || provenance.generatedBy().isBlank()) {
            throw new KnowledgeBaseException(file, "header", "provenance.generated_by is missing");
        }
    }
}
