package dev.phonehome.traffic.decode;

import java.util.List;

/**
 * One payload format. The engine asks every registered decoder to {@link #probe} a value, then
 * decodes with the highest bidder; a decoder whose decode fails is recorded and the next bidder
 * tries (the model is mitmproxy's content views and their {@code render_priority}).
 */
public interface Decoder {
    /** Priority of a value-specific guess (e.g. the text starts with a brace). */
    int GUESS = 5;
    /** Priority of a sure sign: a magic number, the announced content type, the value's origin. */
    int SURE = 10;
    /** Not applicable. */
    int DECLINE = -1;

    /** Layer name, as written in paths and in {@link DecodedPayload#layers()}. */
    String name();

    /**
     * A cheap check: {@link #DECLINE} when the format does not apply, otherwise how sure the decoder
     * is (higher wins, ties go to the earlier registered decoder). Never throws.
     */
    int probe(Chunk chunk);

    /**
     * Decodes one value into the values it contains, in document order.
     *
     * @param outputAllowance bytes left in the request's budget; a decoder that would produce more
     *                        (a decompression bomb) returns {@code outputAllowance + 1} bytes or fails,
     *                        and the engine keeps the input encoded
     */
    List<Piece> decode(Chunk chunk, long outputAllowance) throws PayloadFormatException;
}
