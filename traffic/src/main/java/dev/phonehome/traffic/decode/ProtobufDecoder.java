package dev.phonehome.traffic.decode;

import com.google.protobuf.WireFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Protobuf without a schema, in the spirit of {@code protoc --decode_raw}: field numbers as paths
 * ({@code pb:1.3}), varints and fixed fields as unsigned numbers. A length-delimited field is read,
 * in this order, as: printable UTF-8 text (a string), a whole nested message, or bytes (which other
 * decoders may still open, e.g. gzip inside a field). Text wins over message because short strings
 * often happen to parse as messages, while real nested messages hold non-printable tags and lengths.
 */
final class ProtobufDecoder implements Decoder {
    /** Nesting followed inside one protobuf layer. */
    static final int MAX_NESTING = 32;
    /** A full parse of binary is evidence, but weaker than any text format's. */
    private static final int BINARY_THAT_PARSES = GUESS - 2;

    @Override
    public String name() {
        return "protobuf";
    }

    @Override
    public int probe(Chunk chunk) {
        if (chunk.kind() != ValueKind.BYTES || chunk.bytes().length == 0) {
            return DECLINE;
        }
        String type = chunk.hints().mediaType();
        if (type.endsWith("protobuf") || type.endsWith("x-proto")) {
            return SURE;
        }
        return chunk.printableText().isEmpty() && parse(chunk.bytes(), 0, chunk.bytes().length).isPresent()
                ? BINARY_THAT_PARSES : DECLINE;
    }

    @Override
    public List<Piece> decode(Chunk chunk, long outputAllowance) throws PayloadFormatException {
        byte[] b = chunk.bytes();
        List<ProtobufWire.Field> fields = parse(b, 0, b.length)
                .orElseThrow(() -> new PayloadFormatException("protobuf message", 0,
                        "not a whole message of " + b.length + " bytes"));
        List<Piece> pieces = new ArrayList<>();
        walk(b, fields, "pb:", 1, pieces);
        return pieces;
    }

    private static Optional<List<ProtobufWire.Field>> parse(byte[] b, int offset, int length) {
        return ProtobufWire.message(b, offset, length);
    }

    private static void walk(byte[] b, List<ProtobufWire.Field> fields, String prefix, int nesting, List<Piece> out) {
        List<String> names = PathSyntax.indexed(fields.stream().map(f -> prefix + f.number()).toList());
        for (int i = 0; i < fields.size(); i++) {
            ProtobufWire.Field f = fields.get(i);
            String path = names.get(i);
            if (f.wireType() != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                out.add(Piece.leaf(path, Long.toUnsignedString(f.scalar()), ValueKind.NUMBER));
                continue;
            }
            byte[] value = Arrays.copyOfRange(b, f.offset(), f.offset() + f.length());
            Optional<String> text = new Chunk(value, ValueKind.BYTES, Hints.NONE).printableText();
            Optional<List<ProtobufWire.Field>> nested = text.isPresent() || nesting >= MAX_NESTING
                    ? Optional.empty() : parse(b, f.offset(), f.length());
            if (text.isPresent()) {
                out.add(Piece.text(path, text.get(), Hints.NONE));
            } else if (nested.isPresent()) {
                walk(b, nested.get(), path + ".", nesting + 1, out);
            } else {
                out.add(Piece.bytes(path, value, Hints.NONE));
            }
        }
    }
}
