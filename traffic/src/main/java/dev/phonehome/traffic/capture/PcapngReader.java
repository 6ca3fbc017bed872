package dev.phonehome.traffic.capture;

import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.Problem;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * pcapng files, block by block: sections in either byte order, interfaces, enhanced, simple
 * and (obsolete) packet blocks, Decryption Secrets Blocks with a TLS key log, and PCAPdroid's
 * custom blocks (UID → package) and {@code u-<uid>} packet comments. Other blocks are skipped.
 *
 * <p>A block whose length cannot be right (not a multiple of 4, too small, above
 * {@link #MAX_BLOCK_BYTES}) or that is cut by the end of the file stops the reading; a block
 * whose trailing length differs from its leading one, or whose body is malformed, is skipped
 * with a problem and the reading goes on with the next block.
 */
final class PcapngReader implements CaptureReader {
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 0x00000001;
    static final int PB = 0x00000002;
    static final int SPB = 0x00000003;
    static final int EPB = 0x00000006;
    static final int DSB = 0x0000000A;
    static final int CUSTOM = 0x00000BAD;
    static final int CUSTOM_NO_COPY = 0x40000BAD;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int SECRETS_TLS_KEYLOG = 0x544c534b;
    static final int MAX_BLOCK_BYTES = 16 << 20;
    static final int MAX_INTERFACES = 4_096;
    static final int MAX_UIDS = 100_000;

    private final CaptureInput in;
    private final ProblemLog problems;
    private final List<PcapngInterface> interfaces = new ArrayList<>();
    private final KeyLog.Builder keyLog = new KeyLog.Builder();
    private final Map<Integer, String> uids = new TreeMap<>();
    private byte[] pendingType;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private boolean done;
    private boolean keyLogChanged;
    private KeyLog keyLogSnapshot = KeyLog.empty();
    private long index;

    /** {@code first4} are the already-read type bytes of the first block (a section header). */
    PcapngReader(CaptureInput in, ProblemLog problems, byte[] first4) {
        this.in = in;
        this.problems = problems;
        this.pendingType = first4.clone();
    }

    @Override
    public Optional<Packet> next() throws IOException {
        while (!done) {
            Optional<Packet> p = readBlock();
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private Optional<Packet> readBlock() throws IOException {
        long blockOffset = in.offset() - (pendingType == null ? 0 : 4);
        byte[] head = new byte[12];
        int have = 0;
        if (pendingType != null) {
            System.arraycopy(pendingType, 0, head, 0, 4);
            have = 4;
            pendingType = null;
        }
        have += in.read(head, have, 8 - have);
        if (have == 0) {
            done = true;
            return Optional.empty();
        }
        if (have < 8) {
            return stop("pcapng.truncated", "block header at offset " + blockOffset + " needs 8 bytes, remaining " + have);
        }
        int type = ByteBuffer.wrap(head).order(order).getInt(0);
        if (type == SHB) {
            if (in.read(head, 8, 4) < 4) {
                return stop("pcapng.truncated", "section header at offset " + blockOffset + " has no byte-order magic");
            }
            ByteOrder o = sectionOrder(head);
            if (o == null) {
                return stop("pcapng.bad-byte-order-magic", "section header at offset " + blockOffset
                        + " has no byte-order magic 1A2B3C4D");
            }
            order = o;
            have = 12;
        }
        long length = ByteBuffer.wrap(head).order(order).getInt(4) & 0xFFFFFFFFL;
        int minimum = type == SHB ? 28 : 12;
        if (length < minimum || length % 4 != 0 || length > MAX_BLOCK_BYTES) {
            return stop("pcapng.bogus-block-length", "block type 0x" + Integer.toHexString(type) + " at offset "
                    + blockOffset + " has length " + length + " (needs " + minimum + ".." + MAX_BLOCK_BYTES
                    + ", multiple of 4)");
        }
        byte[] block = new byte[(int) length];
        System.arraycopy(head, 0, block, 0, have);
        int got = have + in.read(block, have, block.length - have);
        if (got < length) {
            return stop("pcapng.truncated", "block type 0x" + Integer.toHexString(type) + " at offset " + blockOffset
                    + " needs " + length + " bytes, remaining " + got);
        }
        ByteBuffer whole = ByteBuffer.wrap(block).order(order);
        long trailer = whole.getInt(block.length - 4) & 0xFFFFFFFFL;
        if (trailer != length) {
            problems.add("pcapng.length-mismatch", in.subject(), "block type 0x" + Integer.toHexString(type)
                    + " at offset " + blockOffset + ": leading length " + length + ", trailing " + trailer);
            return Optional.empty();
        }
        ByteCursor body = ByteCursor.over(whole.slice(8, block.length - 12).order(order),
                "pcapng block 0x" + Integer.toHexString(type) + " at offset " + blockOffset);
        try {
            return dispatch(type, body, block, blockOffset);
        } catch (FormatException e) {
            problems.add("pcapng.bad-block", in.subject(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Packet> dispatch(int type, ByteCursor body, byte[] block, long blockOffset)
            throws FormatException, IOException {
        switch (type) {
            case SHB -> section(body);
            case IDB -> {
                if (interfaces.size() < MAX_INTERFACES) {
                    interfaces.add(PcapngInterface.parse(body, problems, in.subject()));
                } else {
                    problems.add("pcapng.too-many-interfaces", in.subject(), "more than " + MAX_INTERFACES
                            + " interfaces in one section, at offset " + blockOffset);
                }
            }
            case EPB -> {
                return enhancedPacket(body, block, blockOffset);
            }
            case PB -> {
                return obsoletePacket(body, block, blockOffset);
            }
            case SPB -> {
                return simplePacket(body, block, blockOffset);
            }
            case DSB -> secrets(body, blockOffset);
            case CUSTOM, CUSTOM_NO_COPY -> custom(body);
            default -> {
                // Statistics, name resolution and unknown blocks carry nothing we use.
            }
        }
        return Optional.empty();
    }

    private void section(ByteCursor body) throws FormatException {
        body.skip(4);
        int major = body.u16();
        if (major != 1) {
            problems.add("pcapng.unusual-version", in.subject(), "section version " + major + ", expected 1");
        }
        interfaces.clear();
    }

    private Optional<Packet> enhancedPacket(ByteCursor body, byte[] block, long blockOffset) throws FormatException {
        long ifId = body.u32();
        long ticks = (body.u32() << 32) | body.u32();
        long captured = body.u32();
        long original = body.u32();
        return packet(body, block, blockOffset, ifId, ticks, captured, original, true);
    }

    private Optional<Packet> obsoletePacket(ByteCursor body, byte[] block, long blockOffset) throws FormatException {
        int ifId = body.u16();
        body.skip(2);
        long ticks = (body.u32() << 32) | body.u32();
        long captured = body.u32();
        long original = body.u32();
        return packet(body, block, blockOffset, ifId, ticks, captured, original, true);
    }

    private Optional<Packet> simplePacket(ByteCursor body, byte[] block, long blockOffset) throws FormatException {
        long original = body.u32();
        long captured = Math.min(original, body.remaining());
        if (!interfaces.isEmpty() && interfaces.get(0).snaplen() > 0) {
            captured = Math.min(captured, interfaces.get(0).snaplen());
        }
        return packet(body, block, blockOffset, 0, -1, captured, original, false);
    }

    private Optional<Packet> packet(ByteCursor body, byte[] block, long blockOffset, long ifId, long ticks,
                                    long captured, long original, boolean hasOptions) throws FormatException {
        if (ifId >= interfaces.size()) {
            problems.add("pcapng.unknown-interface", in.subject(), "packet at offset " + blockOffset
                    + " names interface " + ifId + ", section has " + interfaces.size());
            return Optional.empty();
        }
        PcapngInterface iface = interfaces.get((int) ifId);
        if (captured > body.remaining()) {
            throw body.error("captured length " + captured + " exceeds block body, remaining " + body.remaining());
        }
        int dataStart = 8 + body.position();
        body.skip(captured);
        OptionalInt uid = OptionalInt.empty();
        if (hasOptions) {
            body.skip(Math.min(body.remaining(), (4 - (captured & 3)) & 3));
            uid = commentUid(body, blockOffset);
        }
        if (original < captured) {
            problems.add("pcapng.original-shorter-than-captured", in.subject(), "packet at offset " + blockOffset
                    + ": original length " + original + " < captured " + captured);
            original = captured;
        }
        ByteBuffer data = ByteBuffer.wrap(block, dataStart, (int) captured).slice().asReadOnlyBuffer();
        long ts = ticks < 0 ? 0 : iface.nanos(ticks);
        return Optional.of(new Packet(ts, iface.linkType(), data, (int) Math.min(original, Integer.MAX_VALUE),
                (int) ifId, uid, index++));
    }

    /** PCAPdroid writes the owning app as an {@code opt_comment} {@code u-<uid>}. */
    private OptionalInt commentUid(ByteCursor options, long blockOffset) {
        OptionalInt[] uid = {OptionalInt.empty()};
        try {
            PcapngOptions.forEach(options, (code, value) -> {
                if (code == PcapngOptions.OPT_COMMENT && uid[0].isEmpty()) {
                    uid[0] = parseUidComment(value.utf8(value.remaining()));
                }
            });
        } catch (FormatException e) {
            problems.add("pcapng.bad-options", in.subject(), "packet at offset " + blockOffset + ": " + e.getMessage());
        }
        return uid[0];
    }

    static OptionalInt parseUidComment(String comment) {
        if (!comment.startsWith("u-") || comment.length() > 13) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(comment.substring(2)));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private void secrets(ByteCursor body, long blockOffset) throws FormatException, IOException {
        long type = body.u32();
        long length = body.u32();
        if (length > body.remaining()) {
            throw body.error("secrets length " + length + " exceeds block body, remaining " + body.remaining());
        }
        if (type != (SECRETS_TLS_KEYLOG & 0xFFFFFFFFL)) {
            problems.add("pcapng.unsupported-secrets", in.subject(), "Decryption Secrets Block at offset "
                    + blockOffset + " has secrets type 0x" + Long.toHexString(type));
            return;
        }
        String text = body.utf8((int) length);
        keyLog.read(new StringReader(text), in.subject() + " DSB@" + blockOffset);
        keyLogChanged = true;
    }

    private void custom(ByteCursor body) throws FormatException {
        long pen = body.u32();
        if (pen != PcapdroidBlock.PEN) {
            return;
        }
        PcapdroidBlock.parseUidMapping(body).ifPresent(m -> {
            if (uids.size() < MAX_UIDS || uids.containsKey(m.uid())) {
                uids.putIfAbsent(m.uid(), m.packageName());
            }
        });
    }

    private Optional<Packet> stop(String code, String message) {
        problems.add(code, in.subject(), message);
        done = true;
        return Optional.empty();
    }

    static ByteOrder sectionOrder(byte[] head) {
        for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            if (ByteBuffer.wrap(head).order(o).getInt(8) == BYTE_ORDER_MAGIC) {
                return o;
            }
        }
        return null;
    }

    @Override
    public List<Problem> problems() {
        List<Problem> all = new ArrayList<>(problems.problems());
        all.addAll(embeddedKeyLog().problems());
        return List.copyOf(all);
    }

    @Override
    public KeyLog embeddedKeyLog() {
        if (keyLogChanged) {
            keyLogSnapshot = keyLog.build();
            keyLogChanged = false;
        }
        return keyLogSnapshot;
    }

    /** Looks up the builder itself: PCAPdroid writes a secrets block per connection, a snapshot per lookup is quadratic. */
    @Override
    public Optional<byte[]> embeddedSecret(String label, byte[] clientRandom) {
        return keyLog.secret(label, clientRandom);
    }

    @Override
    public Map<Integer, String> uidToPackage() {
        return Collections.unmodifiableMap(new TreeMap<>(uids));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
