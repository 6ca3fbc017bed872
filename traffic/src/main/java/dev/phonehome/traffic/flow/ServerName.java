package dev.phonehome.traffic.flow;

import dev.phonehome.traffic.net.DnsNames;
import java.net.InetAddress;
import java.util.Optional;
import java.util.SortedSet;

/** A server name and where it came from. */
record ServerName(String name, ServerNameSource source) {
    /** The first of: SNI, HTTP host, the first name DNS resolved to {@code address}. */
    static Optional<ServerName> choose(Optional<String> sni, Optional<String> httpHost, DnsNames dns,
                                       InetAddress address) {
        if (sni.isPresent() && !sni.get().isEmpty()) {
            return Optional.of(new ServerName(sni.get(), ServerNameSource.SNI));
        }
        if (httpHost.isPresent() && !httpHost.get().isEmpty()) {
            return Optional.of(new ServerName(httpHost.get(), ServerNameSource.HOST));
        }
        SortedSet<String> names = dns.namesFor(address);
        return names.isEmpty() ? Optional.empty() : Optional.of(new ServerName(names.first(), ServerNameSource.DNS));
    }
}
