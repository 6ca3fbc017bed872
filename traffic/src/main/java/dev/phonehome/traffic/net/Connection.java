package dev.phonehome.traffic.net;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A TCP connection as seen in a capture.
 *
 * <p>The client is the sender of the first SYN (or the receiver of a SYN-ACK when the SYN was
 * not captured). Without a handshake, the endpoint with the higher port is taken as the client,
 * since clients use ephemeral ports; on equal ports, the sender of the first captured segment.
 *
 * @param id         sequential in order of first appearance in the capture, starting at 1
 * @param client     the connecting side
 * @param server     the accepting side
 * @param startNanos timestamp of the first captured segment, nanoseconds since the epoch
 * @param uid        the Android app UID owning the connection, when the capture records it
 *                   (PCAPdroid)
 */
public record Connection(long id, Endpoint client, Endpoint server, long startNanos, OptionalInt uid) {
    public Connection {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(uid, "uid");
    }

    /** The endpoint that sends bytes in direction {@code d}. */
    public Endpoint source(Direction d) {
        return d == Direction.CLIENT_TO_SERVER ? client : server;
    }

    @Override
    public String toString() {
        return "#" + id + " " + client + " -> " + server;
    }
}
