package dev.phonehome.traffic.destination;

import dev.phonehome.core.geo.IpLiteral;
import java.net.InetAddress;
import java.util.Optional;

/** The address part of a connection's {@code server} text ({@code 1.2.3.4:443}, {@code [2001:db8::1]:443}). */
final class ServerAddress {
    private ServerAddress() {
    }

    static Optional<InetAddress> of(String server) {
        if (server == null || server.isEmpty()) {
            return Optional.empty();
        }
        if (server.startsWith("[")) {
            int close = server.indexOf(']');
            return close < 0 ? Optional.empty() : IpLiteral.parse(server.substring(1, close));
        }
        int colon = server.lastIndexOf(':');
        if (colon > 0 && server.indexOf(':') == colon) {
            return IpLiteral.parse(server.substring(0, colon));
        }
        return IpLiteral.parse(server);
    }
}
