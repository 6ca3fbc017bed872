package dev.phonehome.traffic.flow;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.phonehome.traffic.http.Body;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A message body as reported: decoded content (content codings undone), cut at the report's
 * body limit. {@link #text()} is the UTF-8 text when the bytes are valid text, else base64.
 *
 * <p>Not a record because a binary body keeps its bytes and is base64-encoded only when
 * {@link #text()} is asked for (writing JSON or HAR): most analyses never look at it, and eager
 * encoding was the largest single cost of reading a capture. The JSON properties are the ones a
 * record of the accessors below would have, in the same order.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonPropertyOrder({"size", "contentType", "encoding", "text", "truncated", "contentEncoding", "decodeError"})
public final class TrafficBody {
    public static final String TEXT = "text";
    public static final String BASE64 = "base64";

    private final long size;
    private final Optional<String> contentType;
    /** The body as text, or null for a binary body. */
    private final String text;
    /** The kept bytes of a binary body, or null for a text body. */
    private final byte[] binary;
    private final boolean truncated;
    private final Optional<String> contentEncoding;
    private final Optional<String> decodeError;

    private TrafficBody(long size, Optional<String> contentType, String text, byte[] binary, boolean truncated,
                        Optional<String> contentEncoding, Optional<String> decodeError) {
        this.size = size;
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.text = text;
        this.binary = binary;
        this.truncated = truncated;
        this.contentEncoding = Objects.requireNonNull(contentEncoding, "contentEncoding");
        this.decodeError = Objects.requireNonNull(decodeError, "decodeError");
    }

    /** Decoded bytes known (the whole body unless {@link #truncated()}). */
    @JsonProperty("size")
    public long size() {
        return size;
    }

    /** The Content-Type header, empty when absent. */
    @JsonProperty("contentType")
    public Optional<String> contentType() {
        return contentType;
    }

    /** {@value #TEXT} or {@value #BASE64}: how {@link #text()} holds the bytes. */
    @JsonProperty("encoding")
    public String encoding() {
        return text != null ? TEXT : BASE64;
    }

    /** The kept bytes as text or, for a binary body, in base64 (encoded on each call). */
    public String text() {
        return text != null ? text : Base64.getEncoder().encodeToString(binary);
    }

    /**
     * {@link #text()} for JSON writers: the text, or a binary body's bytes, which Jackson writes
     * as the same base64 (standard alphabet, padded) straight into its output buffer.
     */
    @JsonProperty("text")
    public Object jsonText() {
        return text != null ? text : binary;
    }

    /** The kept bytes are not the whole body. */
    @JsonProperty("truncated")
    public boolean truncated() {
        return truncated;
    }

    /** The content codings that were undone, as sent; empty for identity. */
    @JsonProperty("contentEncoding")
    public Optional<String> contentEncoding() {
        return contentEncoding;
    }

    /** Why undoing the content codings failed; the bytes are then the encoded ones. */
    @JsonProperty("decodeError")
    public Optional<String> decodeError() {
        return decodeError;
    }

    /** The bytes {@link #text()} stands for. */
    public byte[] bytes() {
        return text != null ? text.getBytes(StandardCharsets.UTF_8) : binary.clone();
    }

    /** Empty for a body that has no bytes at all. */
    static Optional<TrafficBody> of(Body body, Optional<String> contentType, int maxBytes) {
        byte[] content = body.decodeError().isPresent() ? body.encoded() : body.bytes();
        if (content.length == 0 && body.wireLength() == 0) {
            return Optional.empty();
        }
        return Optional.of(of(content, contentType, body.truncated(),
                body.contentEncoding().isEmpty() ? Optional.empty() : Optional.of(body.contentEncoding()),
                body.decodeError(), maxBytes));
    }

    /** The whole body {@code content}, as a HAR reader or a test builds one; the array is kept, not copied. */
    public static TrafficBody of(byte[] content, Optional<String> contentType) {
        return of(content, contentType, false, Optional.empty(), Optional.empty(), Integer.MAX_VALUE);
    }

    /**
     * {@code content} cut to {@code maxBytes}; {@code truncated} when it already was not the whole
     * body. A binary body keeps {@code content} itself when it is not cut: callers hand it over.
     */
    static TrafficBody of(byte[] content, Optional<String> contentType, boolean truncated,
                          Optional<String> contentEncoding, Optional<String> decodeError, int maxBytes) {
        boolean cut = content.length > maxBytes;
        int kept = cut ? maxBytes : content.length;
        int end = truncated || cut ? wholeCharacters(content, kept) : kept;
        String text = utf8Text(content, end);
        byte[] binary = text != null ? null : cut ? Arrays.copyOf(content, kept) : content;
        return new TrafficBody(content.length, contentType, text, binary, truncated || cut, contentEncoding,
                decodeError);
    }

    /** {@code length} without a UTF-8 character the cut left incomplete at the end of {@code bytes[0, length)}. */
    private static int wholeCharacters(byte[] bytes, int length) {
        int lead = length - 1;
        while (lead >= 0 && length - lead <= 3 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
        }
        if (lead < 0) {
            return length;
        }
        int b = bytes[lead] & 0xFF;
        int width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return lead + width > length ? lead : length;
    }

    /** The first {@code end} bytes as a string when valid UTF-8 without control characters other than whitespace, else null. */
    private static String utf8Text(byte[] bytes, int end) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' || ch == 0x7F) {
                return null;
            }
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficBody b && size == b.size && truncated == b.truncated
                && contentType.equals(b.contentType) && Objects.equals(text, b.text) && Arrays.equals(binary, b.binary)
                && contentEncoding.equals(b.contentEncoding) && decodeError.equals(b.decodeError);
    }

    @Override
    public int hashCode() {
        return Objects.hash(size, contentType, text, Arrays.hashCode(binary), truncated, contentEncoding, decodeError);
    }

    @Override
    public String toString() {
        return "TrafficBody[" + size + " bytes, " + encoding() + contentType.map(t -> ", " + t).orElse("")
                + (truncated ? ", truncated" : "") + contentEncoding.map(e -> ", " + e).orElse("")
                + decodeError.map(e -> ", error " + e).orElse("") + "]";
    }
}
