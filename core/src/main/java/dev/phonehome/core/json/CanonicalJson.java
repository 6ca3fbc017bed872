package dev.phonehome.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration for every document phonehome writes. Output is canonical so
 * the same input gives byte-identical files: record components in declaration order, map
 * entries sorted by key, no timestamps unless a caller puts them in, LF line ends, a final
 * newline, empty optionals and nulls left out.
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    /** Values inside a streamed document: the generator's own pretty printer, no flush after each. */
    private static final ObjectWriter VALUE_WRITER = MAPPER.writer()
            .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private CanonicalJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static void write(Object document, OutputStream out) {
        try {
            WRITER.writeValue(out, document);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A generator for a document too large to hold, written piece by piece: with its values written
     * by {@link #writeValue} and ended by {@link #finish}, the bytes equal {@link #write}'s for the
     * whole document.
     */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return WRITER.createGenerator(out);
    }

    /** Writes {@code value} at the generator's position, indented for its depth in the document. */
    public static void writeValue(JsonGenerator generator, Object value) throws IOException {
        VALUE_WRITER.writeValue(generator, value);
    }

    /** Ends a document begun with {@link #generator}: closes it, adds the final newline, flushes. */
    public static void finish(JsonGenerator generator, OutputStream out) throws IOException {
        generator.close();
        out.write('\n');
        out.flush();
    }

    public static String toString(Object document) {
        try {
            return WRITER.writeValueAsString(document) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
