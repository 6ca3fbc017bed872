package dev.phonehome.traffic.decode;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The protobuf wire format read without a schema, through protobuf-java's {@link CodedInputStream}
 * (which bounds every length by the bytes actually present). A buffer is a message only if it
 * parses to its last byte; groups (deprecated wire types 3 and 4) are not accepted.
 */
final class ProtobufWire {
    /** Field numbers of real schemas are small; garbage that parses tends to produce huge ones. */
    static final int MAX_PLAUSIBLE_FIELD = 1000;

    /**
     * One field as found on the wire.
     *
     * @param number   field number
     * @param wireType {@link WireFormat} wire type
     * @param scalar   the varint or fixed value (unsigned), 0 for length-delimited fields
     * @param offset   where a length-delimited value starts in the buffer
     * @param length   its length, 0 for other wire types
     */
    record Field(int number, int wireType, long scalar, int offset, int length) {
    }

    private ProtobufWire() {
    }

    /** The fields of {@code b[offset, offset+length)}, or empty when those bytes are not one whole message. */
    static Optional<List<Field>> message(byte[] b, int offset, int length) {
        CodedInputStream in = CodedInputStream.newInstance(b, offset, length);
        List<Field> fields = new ArrayList<>();
        try {
            while (!in.isAtEnd()) {
                int tag = in.readTag();
                int number = WireFormat.getTagFieldNumber(tag);
                int type = WireFormat.getTagWireType(tag);
                switch (type) {
                    case WireFormat.WIRETYPE_VARINT -> fields.add(new Field(number, type, in.readRawVarint64(), 0, 0));
                    case WireFormat.WIRETYPE_FIXED64 -> fields.add(new Field(number, type, in.readRawLittleEndian64(), 0, 0));
                    case WireFormat.WIRETYPE_FIXED32 ->
                            fields.add(new Field(number, type, in.readRawLittleEndian32() & 0xffffffffL, 0, 0));
                    case WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
                        int size = in.readRawVarint32();
                        int start = offset + in.getTotalBytesRead();
                        in.skipRawBytes(size);
                        fields.add(new Field(number, type, 0, start, size));
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return fields.isEmpty() ? Optional.empty() : Optional.of(fields);
    }

    /** A message with only small field numbers: the bar for binary found inside base64 text. */
    static boolean plausibleMessage(byte[] b) {
        return message(b, 0, b.length)
                .filter(fields -> fields.stream().allMatch(f -> f.number() <= MAX_PLAUSIBLE_FIELD))
                .isPresent();
    }
}
