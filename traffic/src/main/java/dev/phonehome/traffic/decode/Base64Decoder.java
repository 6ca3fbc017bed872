package dev.phonehome.traffic.decode;

import java.util.List;

/** Base64 text that decodes to something meaningful (see {@link Base64Text}); segment {@code base64} or {@code base64url}. */
final class Base64Decoder implements Decoder {
    @Override
    public String name() {
        return "base64";
    }

    @Override
    public int probe(Chunk chunk) {
        return chunk.printableText().flatMap(Base64Text::plausible).isPresent() ? GUESS : DECLINE;
    }

    @Override
    public List<Piece> decode(Chunk chunk, long outputAllowance) throws PayloadFormatException {
        Base64Text.Decoded d = chunk.printableText().flatMap(Base64Text::decode)
                .orElseThrow(() -> new PayloadFormatException("base64", 0, "not base64 text"));
        // Only an announced compression survives: the content type described the text, not the bytes.
        return List.of(Piece.bytes(d.layer(), d.bytes(), new Hints("", chunk.hints().compression(), "")));
    }
}
