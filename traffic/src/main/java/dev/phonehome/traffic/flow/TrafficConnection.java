package dev.phonehome.traffic.flow;

import dev.phonehome.core.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One transport connection of the capture.
 *
 * @param id               {@code t<n>} for TCP (n as numbered by the packet decoder), {@code u<n>} for
 *                         QUIC over UDP, {@code h<n>} for connections synthesised from a HAR
 * @param client           client {@code address:port}; empty when unknown (HAR)
 * @param server           server {@code address:port}, or the host when the address is unknown (HAR)
 * @param start            first packet, ISO 8601 UTC
 * @param end              last packet, ISO 8601 UTC
 * @param app              Android package owning the connection (PCAPdroid), when recorded
 * @param tls              TLS (or QUIC ClientHello) facts, empty for clear text
 * @param bytesFromClient  transport payload bytes sent by the client
 * @param bytesFromServer  transport payload bytes sent by the server
 * @param exchanges        HTTP exchanges reconstructed on it
 */
public record TrafficConnection(String id, String client, String server, String start, String end,
                                Optional<String> app, Optional<String> serverName,
                                Optional<ServerNameSource> serverNameSource, Protocol protocol,
                                Optional<TlsSummary> tls, long bytesFromClient, long bytesFromServer, long exchanges,
                                List<Problem> problems) {
    public TrafficConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocol, "protocol");
        problems = List.copyOf(problems);
    }
}
