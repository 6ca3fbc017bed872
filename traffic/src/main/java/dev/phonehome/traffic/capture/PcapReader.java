package dev.phonehome.traffic.capture;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.Problem;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Classic libpcap files: microsecond (a1b2c3d4) and nanosecond (a1b23c4d) magics, both byte
 * orders, and the Kuznetzov variant (a1b2cd34) whose record headers carry 8 more bytes.
 * A record that cannot be right (longer than {@link #MAX_PACKET_BYTES}) or a cut final record
 * ends the reading with a problem: pcap has no markers to resynchronise on.
 */
final class PcapReader implements CaptureReader {
    /** Larger than any real snaplen (262144) with room for jumbo frames. */
    static final int MAX_PACKET_BYTES = 1 << 20;
    static final int HEADER_BYTES = 24;
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;
    static final int MAGIC_KUZNETZOV = 0xa1b2cd34;

    private final CaptureInput in;
    private final ProblemLog problems;
    private final ByteOrder order;
    private final boolean nanos;
    private final int recordHeaderBytes;
    private final int linkType;
    private final byte[] header;
    private boolean done;
    private long index;

    private PcapReader(CaptureInput in, ProblemLog problems, ByteOrder order, int magic, int linkType) {
        this.in = in;
        this.problems = problems;
        this.order = order;
        this.nanos = magic == MAGIC_NANOS;
        this.recordHeaderBytes = magic == MAGIC_KUZNETZOV ? 24 : 16;
        this.header = new byte[recordHeaderBytes];
        this.linkType = linkType;
    }

    /** Reads the file header; {@code first4} are the magic bytes already read. */
    static PcapReader open(CaptureInput in, ProblemLog problems, byte[] first4) throws IOException, CaptureFormatException {
        byte[] h = new byte[HEADER_BYTES];
        System.arraycopy(first4, 0, h, 0, 4);
        int n = 4 + in.read(h, 4, HEADER_BYTES - 4);
        ByteOrder order = magicOrder(first4);
        ByteCursor c = ByteCursor.over(ByteBuffer.wrap(h, 0, n).order(order), "pcap file header");
        try {
            int magic = c.s32();
            int major = c.u16();
            c.skip(2 + 4 + 4); // minor version, thiszone, sigfigs
            c.u32(); // snaplen: informative only, records carry their own lengths
            long network = c.u32();
            if (major != 2) {
                problems.add("pcap.unusual-version", in.subject(), "version " + major + ", expected 2");
            }
            // Bits 16..31 hold FCS information; the link type is the low 16 bits.
            return new PcapReader(in, problems, order, magic, (int) (network & 0xFFFF));
        } catch (FormatException e) {
            throw new CaptureFormatException("pcap file header", e.offset(), e.getMessage(), e);
        }
    }

    /** The byte order in which the four bytes are a pcap magic, or null. */
    static ByteOrder magicOrder(byte[] first4) {
        for (ByteOrder o : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            int m = ByteBuffer.wrap(first4).order(o).getInt();
            if (m == MAGIC_MICROS || m == MAGIC_NANOS || m == MAGIC_KUZNETZOV) {
                return o;
            }
        }
        return null;
    }

    @Override
    public Optional<Packet> next() throws IOException {
        if (done) {
            return Optional.empty();
        }
        long recordOffset = in.offset();
        int n = in.read(header, 0, recordHeaderBytes);
        if (n == 0) {
            done = true;
            return Optional.empty();
        }
        long seconds;
        long fraction;
        long captured;
        long original;
        try {
            ByteCursor c = ByteCursor.over(ByteBuffer.wrap(header, 0, n).order(order), "pcap record header");
            seconds = c.u32();
            fraction = c.u32();
            captured = c.u32();
            original = c.u32();
            c.skip(recordHeaderBytes - 16L);
        } catch (FormatException e) {
            return stop("pcap.truncated", "record header at offset " + recordOffset + ": " + e.getMessage());
        }
        if (captured > MAX_PACKET_BYTES) {
            return stop("pcap.bogus-record-length", "record at offset " + recordOffset + " claims "
                    + captured + " captured bytes, limit " + MAX_PACKET_BYTES);
        }
        byte[] data = new byte[(int) captured];
        int got = in.read(data, 0, data.length);
        if (got < captured) {
            return stop("pcap.truncated", "record at offset " + recordOffset + " needs " + captured
                    + " bytes, remaining " + got);
        }
        if (original < captured) {
            problems.add("pcap.original-shorter-than-captured", in.subject(), "record " + index + " at offset "
                    + recordOffset + ": original length " + original + " < captured " + captured);
            original = captured;
        }
        long ts = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1_000L);
        ByteBuffer buffer = ByteBuffer.wrap(data).asReadOnlyBuffer();
        OptionalInt uid = linkType == LinkType.ETHERNET ? PcapdroidTrailer.uid(buffer) : OptionalInt.empty();
        return Optional.of(new Packet(ts, linkType, buffer, (int) Math.min(original, Integer.MAX_VALUE), 0, uid,
                index++));
    }

    private Optional<Packet> stop(String code, String message) {
        problems.add(code, in.subject(), message);
        done = true;
        return Optional.empty();
    }

    @Override
    public List<Problem> problems() {
        return problems.problems();
    }

    @Override
    public KeyLog embeddedKeyLog() {
        return KeyLog.empty();
    }

    @Override
    public Map<Integer, String> uidToPackage() {
        return Map.of();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
