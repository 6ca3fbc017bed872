package dev.phonehome.testkit.capture;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the flights of one connection into IPv4/TCP packets as the phone sees them: three-way
 * handshake, data in segments of at most {@link #SEGMENT} bytes with running sequence and
 * acknowledgement numbers, and an orderly FIN exchange. The server's packets arrive one round
 * trip after the client's.
 */
final class TcpConversation {
    static final int SEGMENT = 1400;
    private static final int CLIENT_TTL = 64;
    private static final int SERVER_TTL = 52;
    private static final long LOCAL_DELAY_MICROS = 400;
    private static final long SEGMENT_GAP_MICROS = 12;
    private static final byte[] NO_DATA = new byte[0];

    private final Endpoint client;
    private final Endpoint server;
    private final long roundTripMicros;
    private final int uid;
    private final Consumer<CapturedPacket> out;
    private long clientSeq;
    private long serverSeq;
    private int clientIpId;
    private int serverIpId;
    private long now;

    TcpConversation(Endpoint client, Endpoint server, long startMicros, long roundTripMicros, long[] isns, int uid,
                    Consumer<CapturedPacket> out) {
        this.client = client;
        this.server = server;
        this.now = startMicros;
        this.roundTripMicros = roundTripMicros;
        this.clientSeq = isns[0];
        this.serverSeq = isns[1];
        this.clientIpId = (int) (isns[0] & 0xFFFF);
        this.serverIpId = (int) (isns[1] & 0xFFFF);
        this.uid = uid;
        this.out = out;
    }

    /** Sends the flights in order after the handshake and closes; returns the time of the last packet. */
    long run(List<Flight> flights) {
        threeWay(Ipv4Packets.SYN);
        boolean lastFromClient = true;
        for (Flight f : flights) {
            now += f.fromClient() == lastFromClient ? SEGMENT_GAP_MICROS
                    : f.fromClient() ? LOCAL_DELAY_MICROS : roundTripMicros;
            send(f);
            lastFromClient = f.fromClient();
        }
        now += LOCAL_DELAY_MICROS;
        threeWay(Ipv4Packets.FIN | Ipv4Packets.ACK);
        return now;
    }

    /** SYN or FIN from the client, the server's answer in kind, the client's ACK; each SYN and FIN takes a sequence number. */
    private void threeWay(int clientFlags) {
        segment(true, clientFlags, NO_DATA);
        clientSeq++;
        now += roundTripMicros;
        segment(false, clientFlags | Ipv4Packets.ACK, NO_DATA);
        serverSeq++;
        now += LOCAL_DELAY_MICROS / 4;
        segment(true, Ipv4Packets.ACK, NO_DATA);
    }

    private void send(Flight f) {
        byte[] bytes = f.bytes();
        for (int at = 0; at < bytes.length; at += SEGMENT) {
            byte[] chunk = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + SEGMENT));
            boolean last = at + SEGMENT >= bytes.length;
            if (at > 0) {
                now += SEGMENT_GAP_MICROS;
            }
            segment(f.fromClient(), Ipv4Packets.ACK | (last ? Ipv4Packets.PSH : 0), chunk);
            if (f.fromClient()) {
                clientSeq += chunk.length;
            } else {
                serverSeq += chunk.length;
            }
        }
    }

    private void segment(boolean fromClient, int flags, byte[] payload) {
        boolean ack = (flags & Ipv4Packets.ACK) != 0;
        byte[] ip = fromClient
                ? Ipv4Packets.tcp(client, server, clientIpId++, CLIENT_TTL, clientSeq, ack ? serverSeq : 0, flags, payload)
                : Ipv4Packets.tcp(server, client, serverIpId++, SERVER_TTL, serverSeq, ack ? clientSeq : 0, flags, payload);
        out.accept(new CapturedPacket(now, uid, ip));
    }
}
