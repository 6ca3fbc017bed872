package dev.phonehome.apk.detect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Turns a blob into the entries of a term list, peeling base64 and gzip layers first and
 * recording each step, e.g. {@code assets/x.dat > base64 > gzip > lines}. Blobs that do not
 * end as UTF-8 text, or whose entries are not short, are not term lists.
 */
final class TermListDecoder {
    /** Largest decoded layer; gzip bombs stop here. */
    static final int MAX_DECODED = 4 << 20;
    /** Entries kept per list. */
    static final int MAX_ENTRIES = 100_000;
    /** Fewest entries that make a list. */
    static final int MIN_ENTRIES = 5;
    /** Longest entry of a term list; most entries must be at most this long. */
    static final int MAX_TERM_LENGTH = 40;
    /** Encoding layers peeled at most. */
    static final int MAX_LAYERS = 4;

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\r\\n_-]{24,}");
    private static final Pattern SEPARATORS = Pattern.compile("[,，、|;；\\t]");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\R");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s");
    private static final JsonFactory JSON = new JsonFactory();

    /** A decoded term list: how it was reached, and its entries in file order. */
    record TermList(String path, List<String> entries) {
    }

    private TermListDecoder() {
    }

    static Optional<TermList> decode(String origin, byte[] bytes) {
        return decode(origin, bytes, 0);
    }

    /** Recursion is bounded by {@link #MAX_LAYERS}. */
    private static Optional<TermList> decode(String path, byte[] data, int layer) {
        if (layer > MAX_LAYERS) {
            return Optional.empty();
        }
        if (data.length > 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
            return gunzip(data).flatMap(inflated -> decode(path + " > gzip", inflated, layer + 1));
        }
        Optional<String> text = utf8(data);
        return text.isEmpty() ? Optional.empty() : text(path, text.get(), layer);
    }

    /** A string constant or string resource: already text, so no UTF-8 round trip. */
    static Optional<TermList> decodeText(String origin, String text) {
        return text(origin, text, 0);
    }

    private static Optional<TermList> text(String path, String text, int layer) {
        String t = text.strip();
        if (looksLikeBase64(t)) {
            Optional<TermList> inner = base64(t).flatMap(decoded -> decode(path + " > base64", decoded, layer + 1));
            if (inner.isPresent()) {
                return inner;
            }
        }
        return entries(path, t);
    }

    /** One line, or lines of one width as MIME wraps them: a word list is neither. */
    private static boolean looksLikeBase64(String text) {
        if (!BASE64.matcher(text).matches()) {
            return false;
        }
        String[] lines = LINE_BREAKS.split(text);
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].length() != lines[0].length() || lines[i].length() < 60) {
                return false;
            }
        }
        return true;
    }

    private static Optional<TermList> entries(String path, String text) {
        List<String> entries = new ArrayList<>();
        String how;
        if (text.startsWith("[") || text.startsWith("{")) {
            how = "json";
            if (!json(text, entries)) {
                return Optional.empty();
            }
        } else {
            String[] lines = LINE_BREAKS.split(text);
            how = lines.length >= MIN_ENTRIES ? "lines" : "separators";
            String[] parts = lines.length >= MIN_ENTRIES ? lines : SEPARATORS.split(text);
            for (String part : parts) {
                String entry = part.strip();
                if (!entry.isEmpty() && entries.size() < MAX_ENTRIES) {
                    entries.add(entry);
                }
            }
        }
        return shaped(path + " > " + how, entries);
    }

    /** The items of a string array as a term list, when they are shaped like one. */
    static Optional<TermList> items(String origin, List<String> items) {
        List<String> entries = items.stream().map(String::strip).filter(e -> !e.isEmpty()).limit(MAX_ENTRIES).toList();
        return shaped(origin + " > items", entries);
    }

    /** A list when it has enough entries and at least 80 % of them are short. */
    private static Optional<TermList> shaped(String path, List<String> entries) {
        long shortOnes = entries.stream().filter(e -> e.length() <= MAX_TERM_LENGTH).count();
        if (entries.size() < MIN_ENTRIES || shortOnes * 10 < entries.size() * 8L) {
            return Optional.empty();
        }
        return Optional.of(new TermList(path, List.copyOf(entries)));
    }

    /** Collects the string values of a JSON document, streaming so nesting depth costs nothing. */
    private static boolean json(String text, List<String> entries) {
        try (JsonParser parser = JSON.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING && entries.size() < MAX_ENTRIES) {
                    entries.add(parser.getText().strip());
                }
            }
            entries.removeIf(String::isEmpty);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<String> utf8(byte[] data) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> base64(String text) {
        try {
            String compact = WHITE_SPACE.matcher(text).replaceAll("");
            return Optional.of(compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(compact) : Base64.getDecoder().decode(compact));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> gunzip(byte[] data) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                if (out.size() + n > MAX_DECODED) {
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
            }
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
