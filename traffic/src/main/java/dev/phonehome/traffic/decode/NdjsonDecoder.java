package dev.phonehome.traffic.decode;

import java.util.ArrayList;
import java.util.List;

/** Newline-delimited JSON batches: one {@code ndjson[n]} piece per non-blank line, each then read as JSON. */
final class NdjsonDecoder implements Decoder {
    /** Above {@link JsonDecoder}'s guess: a batch is also framed by braces but is not one JSON value. */
    private static final int BATCH = GUESS + 4;
    private static final Hints JSON = Hints.contentType("application/json");

    @Override
    public String name() {
        return "ndjson";
    }

    @Override
    public int probe(Chunk chunk) {
        return chunk.text().map(NdjsonDecoder::lines)
                .filter(lines -> lines.size() >= 2 && lines.stream().allMatch(JsonDecoder::framed))
                .map(lines -> BATCH).orElse(DECLINE);
    }

    @Override
    public List<Piece> decode(Chunk chunk, long outputAllowance) {
        List<String> lines = lines(chunk.text().orElse(""));
        List<Piece> pieces = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            pieces.add(Piece.text("ndjson[" + i + "]", lines.get(i), JSON));
        }
        return pieces;
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }
}
