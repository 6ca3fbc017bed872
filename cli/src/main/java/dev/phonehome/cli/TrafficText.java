package dev.phonehome.cli;

import dev.phonehome.traffic.flow.Protocol;
import dev.phonehome.traffic.flow.TrafficBody;
import dev.phonehome.traffic.flow.TrafficConnection;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.flow.TrafficReport;
import dev.phonehome.traffic.privacy.PrivacyReport;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The human-readable form of {@code phonehome traffic}: one line per exchange, then what was not decrypted. */
final class TrafficText implements TrafficOutput {
    private final PrintStream out;

    TrafficText(PrintStream out) {
        this.out = out;
    }

    /** {@code time app method status host path ↑request ↓response}. */
    @Override
    public void exchange(TrafficExchange x) {
        out.println(String.join("  ", x.time(), x.app().orElse("-"), x.method(),
                x.status() == 0 ? "---" : String.valueOf(x.status()), x.host(), x.path(),
                "up " + size(x.requestBody()) + " down " + size(x.responseBody())));
    }

    /** TLS connections whose content stayed hidden, with the server name and why, then a summary. */
    @Override
    public void end(TrafficReport r, List<TrafficConnection> connections, long exchanges,
                    Optional<PrivacyReport> privacy) {
        for (TrafficConnection c : connections) {
            c.tls().filter(t -> t.notDecrypted().isPresent() || !t.decrypted()).ifPresent(t -> out.println(String.join("  ",
                    "not decrypted", c.id(), c.app().orElse("-"), c.client() + " -> " + c.server(),
                    "sni " + t.serverName().orElse("-"),
                    t.notDecrypted().orElse("NO_APPLICATION_DATA") + t.notDecryptedDetail().map(d -> " (" + d + ")")
                            .orElse(""))));
        }
        Map<Protocol, Integer> byProtocol = new EnumMap<>(Protocol.class);
        connections.forEach(c -> byProtocol.merge(c.protocol(), 1, Integer::sum));
        StringBuilder s = new StringBuilder();
        s.append(exchanges).append(" exchanges on ").append(connections.size()).append(" connections");
        byProtocol.forEach((p, n) -> s.append(", ").append(n).append(' ').append(p));
        s.append("; ").append(r.problems().size()).append(" problems reading ").append(r.capture().file());
        out.println(s);
        privacy.ifPresent(p -> PrivacyText.print(p, out));
    }

    private static String size(Optional<TrafficBody> body) {
        long n = body.map(TrafficBody::size).orElse(0L);
        return n < 10_000 ? n + " B" : n < 10_000_000 ? n / 1024 + " KiB" : n / (1024 * 1024) + " MiB";
    }
}
