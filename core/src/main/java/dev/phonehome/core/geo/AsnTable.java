package dev.phonehome.core.geo;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * IP ranges to autonomous systems, in the compact form {@link AsnTableWriter} makes of the ASN
 * CSV files: sorted, non-overlapping ranges searched by bisection in a memory-mapped file, so
 * opening is instant and lookups allocate nothing but the answer.
 *
 * <p>Layout (big-endian): magic {@code PHASN\0\1\0}; counts of IPv4 rows, IPv6 rows and names
 * (u32 each); IPv4 rows (start u32, end u32, asn u32, name index u32); IPv6 rows (start 16
 * bytes, end 16 bytes, asn u32, name index u32); name offsets (u32, one more than names) into
 * the UTF-8 name bytes that follow. Opening checks the whole structure, so a truncated or
 * tampered file is refused rather than answering wrongly.
 */
public final class AsnTable {
    static final byte[] MAGIC = {'P', 'H', 'A', 'S', 'N', 0, 1, 0};
    static final int HEADER = MAGIC.length + 12;
    static final int V4_ROW = 16;
    static final int V6_ROW = 40;

    private final ByteBuffer data;
    private final int v4Rows;
    private final int v6Rows;
    private final int names;
    private final int v6Start;
    private final int offsetsStart;
    private final int stringsStart;

    private AsnTable(ByteBuffer data) throws AsnTableFormatException {
        this.data = data.order(ByteOrder.BIG_ENDIAN);
        if (data.limit() < HEADER) {
            throw new AsnTableFormatException(0, "file of " + data.limit() + " bytes is shorter than the header");
        }
        byte[] magic = new byte[MAGIC.length];
        data.get(0, magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new AsnTableFormatException(0, "not an ASN table (bad magic)");
        }
        v4Rows = count(MAGIC.length);
        v6Rows = count(MAGIC.length + 4);
        names = count(MAGIC.length + 8);
        long v6 = HEADER + (long) v4Rows * V4_ROW;
        long offsets = v6 + (long) v6Rows * V6_ROW;
        long strings = offsets + 4L * (names + 1L);
        if (strings > data.limit()) {
            throw new AsnTableFormatException(HEADER, v4Rows + " IPv4 rows, " + v6Rows + " IPv6 rows and " + names
                    + " names need " + strings + " bytes, file has " + data.limit());
        }
        v6Start = (int) v6;
        offsetsStart = (int) offsets;
        stringsStart = (int) strings;
        check();
    }

    /** Maps and checks the table at {@code file}. */
    public static AsnTable open(Path file) throws IOException, AsnTableFormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new AsnTableFormatException(0, "file of " + channel.size() + " bytes is too large");
            }
            return new AsnTable(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    /** Checks a table held in memory. */
    static AsnTable of(byte[] bytes) throws AsnTableFormatException {
        return new AsnTable(ByteBuffer.wrap(bytes));
    }

    private int count(int at) throws AsnTableFormatException {
        long n = Integer.toUnsignedLong(data.getInt(at));
        if (n > Integer.MAX_VALUE / V6_ROW) {
            throw new AsnTableFormatException(at, "count " + n + " is too large");
        }
        return (int) n;
    }

    /** Rows sorted and disjoint, name indexes in range, name offsets ascending within the file. */
    private void check() throws AsnTableFormatException {
        for (int i = 0; i < v4Rows; i++) {
            int at = HEADER + i * V4_ROW;
            long start = Integer.toUnsignedLong(data.getInt(at));
            long end = Integer.toUnsignedLong(data.getInt(at + 4));
            if (end < start || (i > 0 && start <= Integer.toUnsignedLong(data.getInt(at - V4_ROW + 4)))) {
                throw new AsnTableFormatException(at, "IPv4 row " + i + " is reversed, unsorted or overlaps the previous row");
            }
            checkName(at + 12, i);
        }
        byte[] start = new byte[16];
        byte[] end = new byte[16];
        byte[] previousEnd = new byte[16];
        for (int i = 0; i < v6Rows; i++) {
            int at = v6Start + i * V6_ROW;
            data.get(at, start);
            data.get(at + 16, end);
            if (Arrays.compareUnsigned(end, start) < 0 || (i > 0 && Arrays.compareUnsigned(start, previousEnd) <= 0)) {
                throw new AsnTableFormatException(at, "IPv6 row " + i + " is reversed, unsorted or overlaps the previous row");
            }
            System.arraycopy(end, 0, previousEnd, 0, 16);
            checkName(at + 36, i);
        }
        long previous = 0;
        for (int i = 0; i <= names; i++) {
            long offset = Integer.toUnsignedLong(data.getInt(offsetsStart + 4 * i));
            if (offset < previous || stringsStart + offset > data.limit()) {
                throw new AsnTableFormatException(offsetsStart + 4L * i, "name offset " + offset + " is out of order or past the end");
            }
            previous = offset;
        }
    }

    private void checkName(int at, int row) throws AsnTableFormatException {
        if (Integer.toUnsignedLong(data.getInt(at)) >= names) {
            throw new AsnTableFormatException(at, "row " + row + " names organisation " + Integer.toUnsignedLong(data.getInt(at))
                    + " of " + names);
        }
    }

    /** The autonomous system whose range holds {@code address}, if any. */
    public Optional<AsInfo> lookup(InetAddress address) {
        byte[] key = address.getAddress();
        int row = key.length == 4 ? findV4(Integer.toUnsignedLong(ByteBuffer.wrap(key).getInt())) : findV6(key);
        if (row < 0) {
            return Optional.empty();
        }
        int at = key.length == 4 ? HEADER + row * V4_ROW + 8 : v6Start + row * V6_ROW + 32;
        return Optional.of(new AsInfo(Integer.toUnsignedLong(data.getInt(at)), name(data.getInt(at + 4))));
    }

    private int findV4(long key) {
        int lo = 0;
        int hi = v4Rows - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = HEADER + mid * V4_ROW;
            if (key < Integer.toUnsignedLong(data.getInt(at))) {
                hi = mid - 1;
            } else if (key > Integer.toUnsignedLong(data.getInt(at + 4))) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private int findV6(byte[] key) {
        byte[] bound = new byte[16];
        int lo = 0;
        int hi = v6Rows - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int at = v6Start + mid * V6_ROW;
            data.get(at, bound);
            if (Arrays.compareUnsigned(key, bound) < 0) {
                hi = mid - 1;
                continue;
            }
            data.get(at + 16, bound);
            if (Arrays.compareUnsigned(key, bound) > 0) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private String name(int index) {
        int from = data.getInt(offsetsStart + 4 * index);
        int to = data.getInt(offsetsStart + 4 * (index + 1));
        byte[] bytes = new byte[to - from];
        data.get(stringsStart + from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Number of IPv4 and IPv6 ranges. */
    public int ranges() {
        return v4Rows + v6Rows;
    }
}
