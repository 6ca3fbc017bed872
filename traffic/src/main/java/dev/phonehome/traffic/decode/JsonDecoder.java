package dev.phonehome.traffic.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * JSON objects and arrays, also when embedded in a string. Walks Jackson's token stream rather than a
 * tree so duplicate keys and number spellings survive as sent; one piece per scalar, named
 * {@code json} followed by selectors ({@code json[0].properties.$model}).
 */
final class JsonDecoder implements Decoder {
    static final int MAX_NESTING = 64;
    /** Text framed by braces is JSON more often than anything else. */
    private static final int FRAMED = GUESS + 3;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();

    /** An open container: its path, and the next array index or the current member name. */
    private static final class Open {
        final String path;
        final boolean array;
        int index;
        String member = "";

        Open(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public int probe(Chunk chunk) {
        return chunk.text().filter(JsonDecoder::framed)
                .map(t -> chunk.hints().mediaType().endsWith("json") ? SURE : FRAMED).orElse(DECLINE);
    }

    static boolean framed(String text) {
        String t = text.strip();
        return t.length() >= 2 && ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]")));
    }

    @Override
    public List<Piece> decode(Chunk chunk, long outputAllowance) throws PayloadFormatException {
        List<Piece> pieces = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        try (JsonParser p = FACTORY.createParser(chunk.bytes())) {
            JsonToken t = p.nextToken();
            while (t != null) {
                if (t == JsonToken.FIELD_NAME) {
                    open.peek().member = p.currentName();
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    open.pop();
                } else if (t.isStructStart()) {
                    String path = valuePath(open);
                    JsonToken next = p.nextToken();
                    if (next == JsonToken.END_OBJECT || next == JsonToken.END_ARRAY) {
                        pieces.add(Piece.leaf(path, next == JsonToken.END_OBJECT ? "{}" : "[]", ValueKind.EMPTY));
                    } else {
                        open.push(new Open(path, t == JsonToken.START_ARRAY));
                        t = next;
                        continue;
                    }
                } else {
                    pieces.add(scalar(valuePath(open), t, p));
                }
                if (open.isEmpty() && (t = p.nextToken()) != null) {
                    throw new PayloadFormatException(name(), p.currentLocation().getByteOffset(),
                            "content after the JSON value: " + t);
                }
                t = open.isEmpty() ? null : p.nextToken();
            }
        } catch (StreamReadException e) {
            throw new PayloadFormatException(name(), e.getLocation() == null ? -1 : e.getLocation().getByteOffset(),
                    e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PayloadFormatException(name(), -1, e.getMessage(), e);
        }
        return pieces;
    }

    private static String valuePath(Deque<Open> open) {
        Open top = open.peek();
        if (top == null) {
            return "json";
        }
        return top.array ? top.path + "[" + top.index++ + "]" : top.path + PathSyntax.jsonKey(top.member);
    }

    private static Piece scalar(String path, JsonToken t, JsonParser p) throws IOException {
        return switch (t) {
            case VALUE_STRING -> Piece.text(path, p.getText(), Hints.NONE);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Piece.leaf(path, p.getText(), ValueKind.NUMBER);
            case VALUE_TRUE, VALUE_FALSE -> Piece.leaf(path, p.getText(), ValueKind.BOOLEAN);
            case VALUE_NULL -> Piece.leaf(path, "null", ValueKind.NULL);
            default -> Piece.leaf(path, p.getText(), ValueKind.STRING);
        };
    }
}
