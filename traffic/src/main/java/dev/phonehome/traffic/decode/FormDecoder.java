package dev.phonehome.traffic.decode;

import java.util.List;

/** URL queries and {@code application/x-www-form-urlencoded} bodies: {@code form:name} per field. */
final class FormDecoder implements Decoder {
    /** Below base64's guess: {@code aGVsbG8=} is a word in base64 more often than a one-field form. */
    private static final int SHAPE_ONLY = GUESS - 2;

    @Override
    public String name() {
        return "form";
    }

    @Override
    public int probe(Chunk chunk) {
        return chunk.printableText().map(text -> {
            boolean shaped = FormFields.looksLikeForm(text);
            if (chunk.hints().mediaType().equals("application/x-www-form-urlencoded")) {
                // Apps often label JSON bodies as forms: then JSON's own guess must win.
                return shaped || !JsonDecoder.framed(text) ? SURE : SHAPE_ONLY;
            }
            return shaped ? SHAPE_ONLY : DECLINE;
        }).orElse(DECLINE);
    }

    @Override
    public List<Piece> decode(Chunk chunk, long outputAllowance) {
        return FormFields.pieces(FormFields.parse(chunk.printableText().orElse("")));
    }
}
