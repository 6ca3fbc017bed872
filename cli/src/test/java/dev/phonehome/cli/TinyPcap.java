package dev.phonehome.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A hand-made pcap of one clear-text TCP connection (Ethernet, IPv4), for command tests without
 * capture tools. Packets are 1 ms apart.
 */
final class TinyPcap {
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int PSH_ACK = 0x18;
    private static final int FIN_ACK = 0x11;
    private static final long START_SECONDS = 1_714_564_800L; // 2024-05-01T12:00:00Z

    private final OutputStream out;
    private int packets;

    private TinyPcap(OutputStream out) {
        this.out = out;
        ByteBuffer h = le(24);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        write(h.array());
    }

    /** {@code 10.0.0.2:40000 -> 203.0.113.7:80}: handshake, one request, one response, FIN both ways. */
    static byte[] session(String request, String response) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        keepAlive(bytes, 1, i -> request.getBytes(StandardCharsets.UTF_8), i -> response.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /**
     * The same connection carrying {@code exchanges} request/response pairs one after the other,
     * each message in one segment (so at most about 65,000 bytes), written to {@code out}.
     */
    static void keepAlive(OutputStream out, int exchanges, IntFunction<byte[]> request, IntFunction<byte[]> response) {
        TinyPcap p = new TinyPcap(out);
        long c = 1000;
        long s = 5000;
        p.segment(true, c, 0, SYN, new byte[0]);
        p.segment(false, s, c + 1, SYN | ACK, new byte[0]);
        c++;
        s++;
        for (int i = 0; i < exchanges; i++) {
            byte[] rq = request.apply(i);
            byte[] rs = response.apply(i);
            p.segment(true, c, s, PSH_ACK, rq);
            c += rq.length;
            p.segment(false, s, c, PSH_ACK, rs);
            s += rs.length;
        }
        p.segment(true, c, s, FIN_ACK, new byte[0]);
        p.segment(false, s, c + 1, FIN_ACK, new byte[0]);
    }

    private void segment(boolean fromClient, long seq, long ack, int flags, byte[] payload) {
        ByteBuffer f = ByteBuffer.allocate(14 + 20 + 20 + payload.length);
        f.put(new byte[12]).putShort((short) 0x0800);
        f.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length)).putInt(0)
                .put((byte) 64).put((byte) 6).putShort((short) 0);
        byte[] client = {10, 0, 0, 2};
        byte[] server = {(byte) 203, 0, 113, 7};
        f.put(fromClient ? client : server).put(fromClient ? server : client);
        f.putShort((short) (fromClient ? 40000 : 80)).putShort((short) (fromClient ? 80 : 40000))
                .putInt((int) seq).putInt((int) ack).put((byte) 0x50).put((byte) flags).putShort((short) 65535)
                .putInt(0).put(payload);
        ByteBuffer record = le(16);
        record.putInt((int) (START_SECONDS + packets / 1000)).putInt(packets % 1000 * 1000)
                .putInt(f.capacity()).putInt(f.capacity());
        packets++;
        write(record.array());
        write(f.array());
    }

    private void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
