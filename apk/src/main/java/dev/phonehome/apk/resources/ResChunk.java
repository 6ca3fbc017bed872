package dev.phonehome.apk.resources;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;

/**
 * One {@code ResChunk_header} (type, header size, total size) and the bytes it covers.
 *
 * <p>Sizes are what the file claims, made safe: a total size past the enclosing data is
 * clamped to what is there, and a header size outside {@code 8..size} is clamped too, each
 * recorded as a {@code <prefix>.chunk-size} problem. Android refuses some of these files;
 * an analyst still wants what can be read.
 *
 * @param type       chunk type, e.g. {@link #STRING_POOL}
 * @param headerSize header size after clamping
 * @param size       total size after clamping (at least 8)
 * @param offset     absolute offset of the chunk in the file
 * @param body       the whole chunk, header included, as its own cursor
 */
public record ResChunk(int type, int headerSize, int size, long offset, ByteCursor body) {
    public static final int HEADER = 8;
    public static final int STRING_POOL = 0x0001;
    public static final int TABLE = 0x0002;
    public static final int XML = 0x0003;
    public static final int XML_START_NAMESPACE = 0x0100;
    public static final int XML_END_NAMESPACE = 0x0101;
    public static final int XML_START_ELEMENT = 0x0102;
    public static final int XML_END_ELEMENT = 0x0103;
    public static final int XML_CDATA = 0x0104;
    public static final int XML_RESOURCE_MAP = 0x0180;
    public static final int TABLE_PACKAGE = 0x0200;
    public static final int TABLE_TYPE = 0x0201;
    public static final int TABLE_TYPE_SPEC = 0x0202;
    public static final int TABLE_LIBRARY = 0x0203;

    /**
     * Reads the chunk at the cursor's position and moves the cursor past it. Needs at least
     * 8 bytes; everything else is clamped and reported.
     */
    public static ResChunk read(ByteCursor in, String codePrefix, ProblemLog problems) throws FormatException {
        long offset = in.absolutePosition();
        int start = in.position();
        int type = in.u16();
        int headerSize = in.u16();
        long claimed = in.u32();
        int available = in.remaining() + HEADER;
        int size = (int) Math.min(claimed, available);
        if (claimed > available) {
            problems.add(codePrefix + ".chunk-size", String.format(
                    "chunk 0x%04x at offset %d claims %d bytes, remaining %d; clamped", type, offset, claimed, available));
        }
        if (size < HEADER) {
            problems.add(codePrefix + ".chunk-size", String.format(
                    "chunk 0x%04x at offset %d claims %d bytes, less than its 8-byte header; read as 8", type, offset, claimed));
            size = HEADER;
        }
        if (headerSize < HEADER || headerSize > size) {
            problems.add(codePrefix + ".chunk-size", String.format(
                    "chunk 0x%04x at offset %d has header size %d outside 8..%d; clamped", type, offset, headerSize, size));
            headerSize = Math.max(HEADER, Math.min(headerSize, size));
        }
        in.seek(start);
        ByteCursor body = in.slice(size, in.structure() + " chunk 0x" + Integer.toHexString(type));
        return new ResChunk(type, headerSize, size, offset, body);
    }

    /** A cursor over the header fields after the common 8 bytes, zero-padded to {@code minimum} bytes when the file's header is shorter. */
    public ByteCursor header(int minimum) throws FormatException {
        byte[] fields = new byte[Math.max(minimum, headerSize - HEADER)];
        byte[] present = body.sliceAt(HEADER, headerSize - HEADER, body.structure()).bytes(headerSize - HEADER);
        System.arraycopy(present, 0, fields, 0, present.length);
        return ByteCursor.littleEndian(fields, body.structure() + " header");
    }

    /** A cursor over the data after the header. */
    public ByteCursor data() throws FormatException {
        return body.sliceAt(headerSize, size - headerSize, body.structure() + " data");
    }
}
