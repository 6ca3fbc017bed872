package dev.phonehome.traffic.decode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A value on its way through the decoders: the bytes, what they were found as, and the context.
 * The bytes are shared, not copied; nobody writes to them.
 */
public record Chunk(byte[] bytes, ValueKind kind, Hints hints) {
    public Chunk {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hints, "hints");
    }

    public static Chunk text(String text, Hints hints) {
        return new Chunk(text.getBytes(StandardCharsets.UTF_8), ValueKind.STRING, hints);
    }

    /** The bytes as strict UTF-8, empty when they are not valid UTF-8. */
    public Optional<String> text() {
        return utf8(bytes);
    }

    /** The text when the bytes are valid UTF-8 without control characters other than tab, CR and LF. */
    public Optional<String> printableText() {
        return utf8(bytes).filter(Chunk::printable);
    }

    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0) || c == '\ufffd') {
                return false;
            }
        }
        return true;
    }
}
