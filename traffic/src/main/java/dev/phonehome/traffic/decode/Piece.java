package dev.phonehome.traffic.decode;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One value a decoder found inside its input.
 *
 * @param segment the path segment(s) this decoder adds, in {@link PathSyntax}
 * @param chunk   the value; {@link ValueKind#STRING} and {@link ValueKind#BYTES} values are decoded further
 */
public record Piece(String segment, Chunk chunk) {
    public Piece {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(chunk, "chunk");
    }

    public static Piece text(String segment, String text, Hints hints) {
        return new Piece(segment, Chunk.text(text, hints));
    }

    public static Piece bytes(String segment, byte[] bytes, Hints hints) {
        return new Piece(segment, new Chunk(bytes, ValueKind.BYTES, hints));
    }

    /** A final value such as a number: no decoder looks at it again. */
    public static Piece leaf(String segment, String value, ValueKind kind) {
        return new Piece(segment, new Chunk(value.getBytes(StandardCharsets.UTF_8), kind, Hints.NONE));
    }
}
