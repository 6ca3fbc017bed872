package dev.phonehome.traffic.capture;

import dev.phonehome.core.ProblemLog;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.phonehome.core.Problem;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * Streams the entries of a HAR 1.2 file (optionally gzip-compressed) with Jackson's streaming
 * parser: one entry in memory at a time, strings capped at {@link #MAX_STRING_CHARS}, lists
 * at {@link HarEntryParser#MAX_LIST}. Malformed JSON ends the reading with a
 * {@code har.malformed} problem; entries before it stay valid.
 */
public final class HarReader implements AutoCloseable {
    public static final int MAX_STRING_CHARS = 64 << 20;
    private static final int MAX_NESTING = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS)
                    .maxNestingDepth(MAX_NESTING).build())
            .build();

    private final JsonParser parser;
    private final String subject;
    private final ProblemLog problems = new ProblemLog("capture");
    private final HarEntryParser entries;
    private boolean done;
    private long index;

    private HarReader(JsonParser parser, String subject) {
        this.parser = parser;
        this.subject = subject;
        this.entries = new HarEntryParser(problems, subject);
    }

    public static HarReader open(Path file) throws IOException, CaptureFormatException {
        return CaptureStreams.open(file, HarReader::open);
    }

    /** Positions the parser on {@code log.entries}; refuses input that is not a HAR log. */
    public static HarReader open(InputStream in, String subject) throws IOException, CaptureFormatException {
        HarReader r = new HarReader(FACTORY.createParser(CaptureStreams.gunzipped(in, subject)), subject);
        try {
            r.seekEntries();
        } catch (IOException e) {
            r.close();
            throw new CaptureFormatException("HAR " + subject, r.offset(), e.getMessage(), e);
        }
        return r;
    }

    private void seekEntries() throws IOException, CaptureFormatException {
        if (parser.nextToken() != JsonToken.START_OBJECT || !enterField("log", JsonToken.START_OBJECT)
                || !enterField("entries", JsonToken.START_ARRAY)) {
            throw new CaptureFormatException("HAR " + subject, offset(), "no log.entries array");
        }
    }

    /** Skips fields of the current object until {@code name}; true when found with the wanted token. */
    private boolean enterField(String name, JsonToken wanted) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals(name)) {
                return value == wanted;
            }
            parser.skipChildren();
        }
        return false;
    }

    /** The next entry, or empty at the end of {@code log.entries} (or at malformed JSON). */
    public Optional<HarEntry> next() throws IOException {
        while (!done) {
            try {
                JsonToken t = parser.nextToken();
                if (t == JsonToken.START_OBJECT) {
                    Optional<HarEntry> e = entries.entry(parser, index++);
                    if (e.isPresent()) {
                        return e;
                    }
                } else if (t == JsonToken.END_ARRAY || t == null) {
                    done = true;
                } else {
                    problems.add("har.bad-entry", subject, "entry " + index++ + " is not an object");
                    parser.skipChildren();
                }
            } catch (JacksonException | EOFException | ZipException e) {
                problems.add("har.malformed", subject, "at offset " + offset() + ": " + e.getMessage());
                done = true;
            }
        }
        return Optional.empty();
    }

    public List<Problem> problems() {
        return problems.problems();
    }

    private long offset() {
        return parser.currentLocation().getByteOffset();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
