package dev.phonehome.traffic.pii;

import java.nio.charset.StandardCharsets;

/**
 * Bytes seen as characters 0–255 without copying, so one character automaton and the JDK's regular
 * expressions search raw bytes and UTF-8 text alike, and every offset is a byte offset.
 */
final class ByteText implements CharSequence {
    private final byte[] bytes;
    private final int from;
    private final int length;

    ByteText(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private ByteText(byte[] bytes, int from, int length) {
        this.bytes = bytes;
        this.from = from;
        this.length = length;
    }

    /** The UTF-8 bytes of {@code text}. */
    static ByteText utf8(String text) {
        return new ByteText(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The pattern text whose characters are the UTF-8 bytes of {@code text}. */
    static String keyword(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return (char) (bytes[from + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + length);
        }
        return new ByteText(bytes, from + start, end - start);
    }

    /** The bytes {@code [start, end)} read as UTF-8 (malformed sequences replaced). */
    String utf8(int start, int end) {
        return new String(bytes, from + start, end - start, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
