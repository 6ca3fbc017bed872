package dev.phonehome.testkit.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Writes pcap and pcapng files in memory for tests; every field can be set, including wrong ones. */
public final class CaptureWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private boolean nanos;

    private CaptureWriter() {
    }

    /** A classic pcap file with the given timestamp resolution. */
    public static CaptureWriter pcap(ByteOrder order, boolean nanos, int linkType) {
        CaptureWriter w = new CaptureWriter();
        w.order = order;
        w.nanos = nanos;
        ByteBuffer h = ByteBuffer.allocate(24).order(order);
        h.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(linkType);
        w.out.writeBytes(h.array());
        return w;
    }

    /** A pcap record. */
    public CaptureWriter record(long timestampNanos, byte[] data, int originalLength) {
        ByteBuffer r = ByteBuffer.allocate(16).order(order);
        long seconds = timestampNanos / 1_000_000_000L;
        long fraction = timestampNanos % 1_000_000_000L;
        r.putInt((int) seconds).putInt((int) (nanos ? fraction : fraction / 1000)).putInt(data.length)
                .putInt(originalLength);
        out.writeBytes(r.array());
        out.writeBytes(data);
        return this;
    }

    public CaptureWriter record(long timestampNanos, byte[] data) {
        return record(timestampNanos, data, data.length);
    }

    /** An empty pcapng writer; start with {@link #section}. */
    public static CaptureWriter pcapng() {
        return new CaptureWriter();
    }

    public CaptureWriter section(ByteOrder sectionOrder) {
        return section(sectionOrder, new String[0]);
    }

    /**
     * A section header with the options {@code shb_hardware}, {@code shb_os} and
     * {@code shb_userappl} (codes 2, 3, 4), in that order, as far as given.
     */
    public CaptureWriter section(ByteOrder sectionOrder, String... hardwareOsApplication) {
        order = sectionOrder;
        ByteArrayOutputStream options = new ByteArrayOutputStream();
        for (int i = 0; i < hardwareOsApplication.length; i++) {
            options.writeBytes(option(2 + i, hardwareOsApplication[i].getBytes(StandardCharsets.UTF_8)));
        }
        if (options.size() > 0) {
            options.writeBytes(new byte[4]);
        }
        ByteBuffer b = ByteBuffer.allocate(16 + options.size()).order(order);
        b.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).put(options.toByteArray());
        return block(0x0A0D0D0A, b.array());
    }

    private byte[] option(int code, byte[] value) {
        ByteBuffer b = ByteBuffer.allocate(4 + pad(value.length)).order(order);
        b.putShort((short) code).putShort((short) value.length).put(value);
        return b.array();
    }

    /** An interface; {@code tsresol} &lt; 0 omits the option. */
    public CaptureWriter iface(int linkType, int tsresol, long tsoffset) {
        ByteBuffer b = ByteBuffer.allocate(64).order(order);
        b.putShort((short) linkType).putShort((short) 0).putInt(0);
        if (tsresol >= 0) {
            b.putShort((short) 9).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
        }
        if (tsoffset != 0) {
            b.putShort((short) 14).putShort((short) 8).putLong(tsoffset);
        }
        b.putInt(0);
        return block(1, slice(b));
    }

    public CaptureWriter iface(int linkType) {
        return iface(linkType, -1, 0);
    }

    public CaptureWriter epb(int ifId, long ticks, byte[] data, int originalLength, String comment) {
        byte[] c = comment == null ? new byte[0] : comment.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(20 + pad(data.length) + 12 + pad(c.length)).order(order);
        b.putInt(ifId).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(data.length).putInt(originalLength);
        b.put(data).put(new byte[pad(data.length) - data.length]);
        if (comment != null) {
            b.putShort((short) 1).putShort((short) c.length).put(c).put(new byte[pad(c.length) - c.length]);
            b.putInt(0);
        }
        return block(6, slice(b));
    }

    public CaptureWriter epb(int ifId, long ticks, byte[] data) {
        return epb(ifId, ticks, data, data.length, null);
    }

    public CaptureWriter spb(byte[] data, int originalLength) {
        ByteBuffer b = ByteBuffer.allocate(4 + pad(data.length)).order(order);
        b.putInt(originalLength).put(data);
        return block(3, b.array());
    }

    public CaptureWriter obsoletePacket(int ifId, long ticks, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(20 + pad(data.length)).order(order);
        b.putShort((short) ifId).putShort((short) 0).putInt((int) (ticks >>> 32)).putInt((int) ticks)
                .putInt(data.length).putInt(data.length).put(data);
        return block(2, b.array());
    }

    public CaptureWriter secrets(int secretsType, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + pad(t.length)).order(order);
        b.putInt(secretsType).putInt(t.length).put(t);
        return block(0x0A, b.array());
    }

    public CaptureWriter keyLog(String text) {
        return secrets(0x544c534b, text);
    }

    /** PCAPdroid's UID mapping custom block. */
    public CaptureWriter pcapdroidUid(int uid, String packageName, String appName) {
        byte[] p = packageName.getBytes(StandardCharsets.UTF_8);
        byte[] a = appName.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(pad(4 + 4 + 6 + p.length + a.length)).order(order);
        b.putInt(62652).putShort((short) 1).put((byte) 1).put((byte) 0).putInt(uid).put((byte) p.length)
                .put((byte) a.length).put(p).put(a);
        return block(0x00000BAD, b.array());
    }

    /** A block with a correct framing around {@code body} (padded to 4). */
    public CaptureWriter block(int type, byte[] body) {
        int length = 12 + pad(body.length);
        return rawBlock(type, length, body, length);
    }

    /** A block with freely chosen (possibly wrong) leading and trailing lengths. */
    public CaptureWriter rawBlock(int type, int length, byte[] body, int trailingLength) {
        ByteBuffer b = ByteBuffer.allocate(12 + pad(body.length)).order(order);
        b.putInt(type).putInt(length).put(body);
        b.position(b.capacity() - 4);
        b.putInt(trailingLength);
        out.writeBytes(b.array());
        return this;
    }

    public CaptureWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** {@code data} gzip-compressed; the header's modification time is 0, so the same data gives the same bytes. */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    private static int pad(int n) {
        return (n + 3) & ~3;
    }

    private static byte[] slice(ByteBuffer b) {
        byte[] a = new byte[b.position()];
        System.arraycopy(b.array(), 0, a, 0, a.length);
        return a;
    }
}
