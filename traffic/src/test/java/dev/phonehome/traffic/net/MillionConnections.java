package dev.phonehome.traffic.net;

import dev.phonehome.traffic.capture.LinkType;
import dev.phonehome.traffic.capture.Packet;
import java.nio.ByteBuffer;
import java.util.OptionalInt;

/**
 * Feeds a million tiny connections (SYN, one request, and a FIN for every other one) through
 * a {@link PacketDecoder}; run in a JVM with a small heap to show memory stays bounded.
 * Prints the counts on success.
 */
public final class MillionConnections {
    public static final int CONNECTIONS = 1_000_000;

    private MillionConnections() {
    }

    public static void main(String[] args) {
        long[] counts = new long[3];
        PacketDecoder decoder = new PacketDecoder(new TcpStreamListener() {
            @Override
            public void onOpen(Connection c) {
                counts[0]++;
            }

            @Override
            public void onData(Connection c, Direction d, long timestampNanos, ByteBuffer data) {
                counts[1] += data.remaining();
            }

            @Override
            public void onGap(Connection c, Direction d, long missingBytes) {
                throw new AssertionError("unexpected gap in " + c);
            }

            @Override
            public void onClose(Connection c) {
                counts[2]++;
            }
        }, d -> { });
        byte[] server = {93, (byte) 184, (byte) 216, 34};
        byte[] payload = {'h', 'i'};
        int maxTracked = 0;
        for (int i = 0; i < CONNECTIONS; i++) {
            byte[] client = {10, (byte) (i >> 16), (byte) (i >> 8), (byte) i};
            int port = 1024 + (i % 60000);
            long ts = i * 1_000L;
            send(decoder, ts, Frames.ipv4(client, server, 6, Frames.tcp(port, 443, 1000, Frames.SYN, new byte[0])));
            send(decoder, ts, Frames.ipv4(client, server, 6, Frames.tcp(port, 443, 1001, Frames.ACK, payload)));
            if (i % 2 == 0) {
                send(decoder, ts, Frames.ipv4(client, server, 6, Frames.tcp(port, 443, 1003, Frames.FIN | Frames.ACK, new byte[0])));
            }
            maxTracked = Math.max(maxTracked, decoder.trackedConnections());
        }
        decoder.finish();
        System.out.println("opened=" + counts[0] + " bytes=" + counts[1] + " closed=" + counts[2] + " maxTracked="
                + maxTracked);
    }

    private static void send(PacketDecoder decoder, long ts, byte[] ip) {
        decoder.accept(new Packet(ts, LinkType.RAW, ByteBuffer.wrap(ip), ip.length, 0, OptionalInt.empty(), 0));
    }
}
