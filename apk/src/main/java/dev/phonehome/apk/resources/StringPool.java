package dev.phonehome.apk.resources;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;

/**
 * A {@code ResStringPool} (UTF-8 or UTF-16), decoded lazily and tolerantly.
 *
 * <p>A string count larger than the offset table can hold is clamped; an index or offset
 * out of range, or a length running past the pool, gives the empty string (or the part that
 * is there) and a coded problem, as Android shows an empty value rather than failing. The
 * total number of decoded characters is capped, because overlapping offsets let a small
 * file describe gigabytes of strings.
 */
public final class StringPool {
    /** Total characters this pool will decode; beyond it strings come back empty. */
    public static final long MAX_DECODED_CHARS = 32L * 1024 * 1024;
    private static final int UTF8_FLAG = 0x100;
    private static final int HEADER_FIELDS = 20;

    private final ByteCursor strings;
    private final int[] offsets;
    private final boolean utf8;
    private final String codePrefix;
    private final ProblemLog problems;
    /** Decoded strings by index, filled on first use (a pool's index space is bounded by its chunk). */
    private final String[] decoded;
    private long decodedChars;

    private StringPool(ByteCursor strings, int[] offsets, boolean utf8, String codePrefix, ProblemLog problems) {
        this.strings = strings;
        this.offsets = offsets;
        this.utf8 = utf8;
        this.codePrefix = codePrefix;
        this.problems = problems;
        this.decoded = new String[offsets.length];
    }

    /** An empty pool, used when a file has none. */
    public static StringPool empty(String codePrefix, ProblemLog problems) {
        return new StringPool(ByteCursor.littleEndian(new byte[0], "empty string pool"), new int[0], false,
                codePrefix, problems);
    }

    public static StringPool read(ResChunk chunk, String codePrefix, ProblemLog problems) throws FormatException {
        ByteCursor header = chunk.header(HEADER_FIELDS);
        long stringCount = header.u32();
        header.u32(); // style count: styles are not needed to read text
        int flags = header.s32();
        long stringsStart = header.u32();
        ByteCursor body = chunk.body();
        long fit = (chunk.size() - chunk.headerSize()) / 4;
        if (stringCount > fit) {
            problems.add(codePrefix + ".string-count", String.format(
                    "string pool at offset %d claims %d strings, its %d bytes hold at most %d offsets; clamped",
                    chunk.offset(), stringCount, chunk.size(), fit));
            stringCount = fit;
        }
        ByteCursor table = body.sliceAt(chunk.headerSize(), stringCount * 4, "string pool offsets");
        int[] offsets = new int[(int) stringCount];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = table.s32();
        }
        if (stringsStart > chunk.size()) {
            problems.add(codePrefix + ".string-offset", String.format(
                    "string pool at offset %d starts its strings at %d, past its size %d",
                    chunk.offset(), stringsStart, chunk.size()));
            stringsStart = chunk.size();
        }
        ByteCursor strings = body.sliceAt(stringsStart, chunk.size() - stringsStart, "string pool strings");
        return new StringPool(strings, offsets, (flags & UTF8_FLAG) != 0, codePrefix, problems);
    }

    public int size() {
        return offsets.length;
    }

    public boolean isUtf8() {
        return utf8;
    }

    /** The string at {@code index}; {@code -1} (no string) gives null, other bad indices the empty string and a problem. */
    public String get(int index) {
        if (index == -1) {
            return null;
        }
        if (index < 0 || index >= offsets.length) {
            problems.add(codePrefix + ".string-index", String.format(
                    "string index %d outside pool of %d strings", Integer.toUnsignedLong(index), offsets.length));
            return "";
        }
        String s = decoded[index];
        if (s == null) {
            s = decode(index);
            decoded[index] = s;
        }
        return s;
    }

    private String decode(int index) {
        int offset = offsets[index];
        if (offset < 0 || offset >= strings.limit()) {
            problems.add(codePrefix + ".string-offset", String.format(
                    "string %d at offset %d outside the %d bytes of string data", index,
                    Integer.toUnsignedLong(offset), strings.limit()));
            return "";
        }
        if (decodedChars > MAX_DECODED_CHARS) {
            problems.add(codePrefix + ".string-budget", "string " + index + " not decoded: more than "
                    + MAX_DECODED_CHARS + " characters already decoded from this pool");
            return "";
        }
        try {
            ByteCursor in = strings.seek(offset);
            String s = utf8 ? readUtf8(in, index) : readUtf16(in, index);
            decodedChars += s.length();
            return s;
        } catch (FormatException e) {
            problems.add(codePrefix + ".string-length", "string " + index + ": " + e.getMessage());
            return "";
        }
    }

    private String readUtf8(ByteCursor in, int index) throws FormatException {
        lengthUtf8(in); // UTF-16 length, not needed to decode
        int byteLength = lengthUtf8(in);
        int n = clampLength(index, byteLength, in.remaining());
        String s = in.utf8(n);
        checkTerminated(index, in.hasRemaining(1) && in.u8() == 0);
        return s;
    }

    private String readUtf16(ByteCursor in, int index) throws FormatException {
        int length = in.u16();
        if ((length & 0x8000) != 0) {
            length = ((length & 0x7FFF) << 16) | in.u16();
        }
        int n = clampLength(index, length, in.remaining() / 2);
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = (char) in.u16();
        }
        checkTerminated(index, in.hasRemaining(2) && in.u16() == 0);
        return new String(chars);
    }

    /** Android refuses strings without their NUL (aapt stops there); we keep the text and say so. */
    private void checkTerminated(int index, boolean terminated) {
        if (!terminated) {
            problems.add(codePrefix + ".string-unterminated", "string " + index
                    + " does not end with NUL; Android rejects it");
        }
    }

    private int clampLength(int index, int length, int available) {
        if (length > available) {
            problems.add(codePrefix + ".string-length", String.format(
                    "string %d claims length %d, only %d available; truncated", index, length, available));
            return available;
        }
        return length;
    }

    private static int lengthUtf8(ByteCursor in) throws FormatException {
        int length = in.u8();
        if ((length & 0x80) != 0) {
            length = ((length & 0x7F) << 8) | in.u8();
        }
        return length;
    }
}
