package dev.phonehome.traffic.decode;

import java.util.List;
import java.util.Locale;

/** {@code Authorization: Bearer …} and {@code Basic …}: the token, under {@code bearer} or {@code basic}. */
final class CredentialsDecoder implements Decoder {
    static final String ORIGIN = "authorization";

    @Override
    public String name() {
        return "authorization";
    }

    @Override
    public int probe(Chunk chunk) {
        return chunk.hints().origin().equals(ORIGIN) && !scheme(chunk).isEmpty() ? SURE : DECLINE;
    }

    @Override
    public List<Piece> decode(Chunk chunk, long outputAllowance) {
        String text = chunk.text().orElse("").strip();
        String scheme = scheme(chunk);
        return List.of(Piece.text(scheme, text.substring(scheme.length()).strip(), Hints.NONE));
    }

    /** {@code bearer} or {@code basic} when the value uses one of them, else empty. */
    private static String scheme(Chunk chunk) {
        String lower = chunk.text().orElse("").strip().toLowerCase(Locale.ROOT);
        for (String s : List.of("bearer", "basic")) {
            if (lower.startsWith(s + " ")) {
                return s;
            }
        }
        return "";
    }
}
