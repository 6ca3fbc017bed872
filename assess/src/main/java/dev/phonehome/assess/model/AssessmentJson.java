package dev.phonehome.assess.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.phonehome.core.json.CanonicalJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads an assessment document back (for {@code report} and {@code compare}), refusing files
 * that are too big, not JSON, of another schema or of the wrong shape, with the file, the
 * JSON path and what is wrong.
 */
public final class AssessmentJson {
    /** Largest document read; an assessment of a 300-APK firmware and a long capture is far smaller. */
    public static final long MAX_BYTES = 512L << 20;

    private static final ObjectReader READER = CanonicalJson.mapper().readerFor(Assessment.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** An assessment file cannot be used. */
    public static final class UnreadableException extends Exception {
        UnreadableException(Path file, String message, Throwable cause) {
            super(file + ": " + message, cause);
        }
    }

    private AssessmentJson() {
    }

    public static Assessment read(Path file) throws UnreadableException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UnreadableException(file, "unreadable: " + e.getMessage(), e);
        }
        if (size > MAX_BYTES) {
            throw new UnreadableException(file, size + " bytes is over the limit of " + MAX_BYTES, null);
        }
        Assessment a;
        try (InputStream in = Files.newInputStream(file)) {
            a = READER.readValue(in);
        } catch (JsonMappingException e) {
            throw new UnreadableException(file, "not a " + Assessment.SCHEMA + " document at " + path(e) + ": "
                    + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new UnreadableException(file, "not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableException(file, "unreadable: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // A record constructor refusing a null (a required list left out) lands here.
            throw new UnreadableException(file, "not a " + Assessment.SCHEMA + " document: " + e.getMessage(), e);
        }
        if (a == null || !Assessment.SCHEMA.equals(a.schema())) {
            throw new UnreadableException(file, "schema is " + (a == null ? "missing" : a.schema()) + ", expected "
                    + Assessment.SCHEMA, null);
        }
        return a;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("/", "/", ""));
    }
}
