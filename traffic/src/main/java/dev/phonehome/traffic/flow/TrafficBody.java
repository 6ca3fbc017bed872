package dev.phonehome.traffic.flow;

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
 * body limit. {@code text} holds UTF-8 text when the bytes are valid text, else base64.
 *
 * @param size            decoded bytes known (the whole body unless {@code truncated})
 * @param contentType     the Content-Type header, empty when absent
 * @param encoding        {@value #TEXT} or {@value #BASE64}: how {@code text} holds the bytes
 * @param truncated       the bytes in {@code text} are not the whole body
 * @param contentEncoding the content codings that were undone, as sent; empty for identity
 * @param decodeError     why undoing them failed; {@code text} then holds the encoded bytes
 */
public record TrafficBody(long size, Optional<String> contentType, String encoding, String text, boolean truncated,
                          Optional<String> contentEncoding, Optional<String> decodeError) {
    public static final String TEXT = "text";
    public static final String BASE64 = "base64";

    public TrafficBody {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(text, "text");
    }

    /** The bytes {@code text} stands for. */
    public byte[] bytes() {
        return encoding.equals(BASE64) ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
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

    /** {@code content} cut to {@code maxBytes}; {@code truncated} when it already was not the whole body. */
    static TrafficBody of(byte[] content, Optional<String> contentType, boolean truncated,
                          Optional<String> contentEncoding, Optional<String> decodeError, int maxBytes) {
        boolean cut = content.length > maxBytes;
        byte[] kept = cut ? Arrays.copyOf(content, maxBytes) : content;
        int end = truncated || cut ? wholeCharacters(kept) : kept.length;
        Optional<String> text = utf8Text(kept, end);
        return new TrafficBody(content.length, contentType, text.isPresent() ? TEXT : BASE64,
                text.orElseGet(() -> Base64.getEncoder().encodeToString(kept)), truncated || cut, contentEncoding,
                decodeError);
    }

    /** Length of {@code bytes} without a UTF-8 character the cut left incomplete at the end. */
    private static int wholeCharacters(byte[] bytes) {
        int lead = bytes.length - 1;
        while (lead >= 0 && bytes.length - lead <= 3 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
        }
        if (lead < 0) {
            return bytes.length;
        }
        int b = bytes[lead] & 0xFF;
        int width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return lead + width > bytes.length ? lead : bytes.length;
    }

    /** The first {@code end} bytes as a string when valid UTF-8 without control characters other than whitespace. */
    private static Optional<String> utf8Text(byte[] bytes, int end) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' || ch == 0x7F) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }
}
