package dev.phonehome.traffic.decode;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises base64 (RFC 4648 standard and URL-safe, padded or not) without mistaking words for it:
 * most short words are valid base64 alphabet, so the text must be long enough, mixed enough, not a
 * hex identifier, and must decode to something meaningful (text, a compression magic, or a
 * plausible protobuf message).
 */
final class Base64Text {
    static final int MIN_LENGTH = 8;
    /** Binary that is only "a protobuf message" needs more length: short garbage often parses as one. */
    static final int MIN_LENGTH_FOR_PROTOBUF = 24;

    private static final Pattern STANDARD = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]+={0,2}");
    /** Hex strings and UUIDs are identifiers (Android ID, advertising ID) far more often than base64. */
    private static final Pattern IDENTIFIER = Pattern.compile("[0-9A-Fa-f]+|[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}");

    /** Decoded bytes and which alphabet they were written in. */
    record Decoded(byte[] bytes, boolean urlSafe) {
        String layer() {
            return urlSafe ? "base64url" : "base64";
        }
    }

    private Base64Text() {
    }

    /** The bytes, if {@code text} is syntactically base64 (no plausibility check). */
    static Optional<Decoded> decode(String text) {
        boolean standard = STANDARD.matcher(text).matches();
        boolean urlSafe = !standard && URL_SAFE.matcher(text).matches();
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        if (!(standard || urlSafe) || (padding > 0 ? text.length() % 4 != 0 : text.length() % 4 == 1)) {
            return Optional.empty();
        }
        String body = text.substring(0, text.length() - padding);
        byte[] bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(body);
        return Optional.of(new Decoded(bytes, urlSafe));
    }

    /** The bytes, if {@code text} is base64 and plausibly meant as such. */
    static Optional<Decoded> plausible(String text) {
        if (text.length() < MIN_LENGTH || IDENTIFIER.matcher(text).matches() || !mixed(text)) {
            return Optional.empty();
        }
        return decode(text).filter(d -> meaningful(d.bytes(), text));
    }

    /** Ordinary words are one case and digit-free; encoded bytes almost never are. */
    private static boolean mixed(String text) {
        return bothCases(text) || text.chars().anyMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean bothCases(String text) {
        return text.chars().anyMatch(c -> c >= 'A' && c <= 'Z') && text.chars().anyMatch(c -> c >= 'a' && c <= 'z');
    }

    /**
     * Text, a compression, or a protobuf message. The last is weak evidence, so it also needs both
     * letter cases: 24 characters of real base64 are single-case about once in a million, while
     * lower-case session tokens are common.
     */
    private static boolean meaningful(byte[] bytes, String text) {
        Chunk chunk = new Chunk(bytes, ValueKind.BYTES, Hints.NONE);
        return Compression.detect(bytes).isPresent()
                || chunk.printableText().filter(t -> !t.isBlank()).isPresent()
                || (text.length() >= MIN_LENGTH_FOR_PROTOBUF && bothCases(text) && ProtobufWire.plausibleMessage(bytes));
    }
}
