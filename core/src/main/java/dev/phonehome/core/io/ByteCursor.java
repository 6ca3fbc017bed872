package dev.phonehome.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked little- or big-endian reader over an immutable {@link ByteBuffer}.
 *
 * <p>All bounds checks live here, so parsers never catch {@code BufferUnderflowException}:
 * a read past the end raises a {@link FormatException} that names the structure being read,
 * the absolute offset, and how many bytes were needed and available.
 */
public final class ByteCursor {
    private final ByteBuffer buf;
    private final String structure;
    private final long base;

    private ByteCursor(ByteBuffer buf, String structure, long base) {
        this.buf = buf;
        this.structure = structure;
        this.base = base;
    }

    /** A little-endian cursor over all of {@code bytes}. */
    public static ByteCursor littleEndian(byte[] bytes, String structure) {
        return new ByteCursor(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), structure, 0);
    }

    /** A big-endian cursor over all of {@code bytes}. */
    public static ByteCursor bigEndian(byte[] bytes, String structure) {
        return new ByteCursor(ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN), structure, 0);
    }

    /** A cursor over the remaining bytes of {@code buffer}, keeping its byte order; the buffer is not modified. */
    public static ByteCursor over(ByteBuffer buffer, String structure) {
        ByteBuffer view = buffer.slice().order(buffer.order());
        return new ByteCursor(view, structure, buffer.position());
    }

    /** Same bytes, another structure name for error messages; shares no position. */
    public ByteCursor named(String newStructure) {
        ByteCursor c = new ByteCursor(buf.duplicate().order(buf.order()), newStructure, base);
        return c;
    }

    public ByteCursor order(ByteOrder order) {
        buf.order(order);
        return this;
    }

    public ByteOrder order() {
        return buf.order();
    }

    /** Position relative to the start of this cursor. */
    public int position() {
        return buf.position();
    }

    /** Absolute offset of the current position in the original input. */
    public long absolutePosition() {
        return base + buf.position();
    }

    public int limit() {
        return buf.limit();
    }

    public int remaining() {
        return buf.remaining();
    }

    public boolean hasRemaining(int n) {
        return n >= 0 && buf.remaining() >= n;
    }

    public ByteCursor seek(long position) throws FormatException {
        if (position < 0 || position > buf.limit()) {
            throw error("seek to " + position + " outside 0.." + buf.limit());
        }
        buf.position((int) position);
        return this;
    }

    public ByteCursor skip(long n) throws FormatException {
        require(n);
        buf.position(buf.position() + (int) n);
        return this;
    }

    /** Throws unless {@code n} more bytes are available. */
    public void require(long n) throws FormatException {
        if (n < 0 || n > buf.remaining()) {
            throw error("needs " + n + " bytes, remaining " + buf.remaining());
        }
    }

    public int u8() throws FormatException {
        require(1);
        return buf.get() & 0xFF;
    }

    public int u16() throws FormatException {
        require(2);
        return buf.getShort() & 0xFFFF;
    }

    public int s32() throws FormatException {
        require(4);
        return buf.getInt();
    }

    public long u32() throws FormatException {
        require(4);
        return buf.getInt() & 0xFFFFFFFFL;
    }

    public long s64() throws FormatException {
        require(8);
        return buf.getLong();
    }

    /** Unsigned LEB128 as used by DEX, at most 5 bytes (32 bits). */
    public int uleb128() throws FormatException {
        int result = 0;
        for (int i = 0; i < 5; i++) {
            int b = u8();
            result |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw error("ULEB128 longer than 5 bytes");
    }

    /** Signed LEB128, at most 5 bytes. */
    public int sleb128() throws FormatException {
        int result = 0;
        int shift = 0;
        int b;
        int i = 0;
        do {
            if (i++ == 5) {
                throw error("SLEB128 longer than 5 bytes");
            }
            b = u8();
            result |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 32 && (b & 0x40) != 0) {
            result |= -1 << shift;
        }
        return result;
    }

    public byte[] bytes(int n) throws FormatException {
        require(n);
        byte[] out = new byte[n];
        buf.get(out);
        return out;
    }

    /** A view of the next {@code n} bytes (same byte order) and advances past them. */
    public ByteCursor slice(int n, String sliceStructure) throws FormatException {
        require(n);
        ByteBuffer view = buf.slice(buf.position(), n).order(buf.order());
        long sliceBase = base + buf.position();
        buf.position(buf.position() + n);
        return new ByteCursor(view, sliceStructure, sliceBase);
    }

    /** A view of {@code n} bytes at an absolute position of this cursor, without moving. */
    public ByteCursor sliceAt(long position, long n, String sliceStructure) throws FormatException {
        if (position < 0 || n < 0 || position > buf.limit() || n > buf.limit() - position) {
            throw error("range " + position + "+" + n + " outside 0.." + buf.limit());
        }
        ByteBuffer view = buf.slice((int) position, (int) n).order(buf.order());
        return new ByteCursor(view, sliceStructure, base + position);
    }

    public String utf8(int n) throws FormatException {
        require(n);
        if (buf.hasArray()) { // decoded in place, without an intermediate copy
            int at = buf.position();
            buf.position(at + n);
            return new String(buf.array(), buf.arrayOffset() + at, n, StandardCharsets.UTF_8);
        }
        return new String(bytes(n), StandardCharsets.UTF_8);
    }

    /** The underlying buffer view (read-only duplicate), for bulk readers such as inflaters. */
    public ByteBuffer buffer() {
        return buf.asReadOnlyBuffer().order(buf.order());
    }

    public String structure() {
        return structure;
    }

    /** A {@link FormatException} for this structure at the current absolute position. */
    public FormatException error(String message) {
        return new FormatException(structure, absolutePosition(), message);
    }
}
