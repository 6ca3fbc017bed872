package dev.phonehome.traffic.flow;

import dev.phonehome.core.Problem;
import dev.phonehome.traffic.http.Header;
import dev.phonehome.traffic.http.HttpExchange;
import dev.phonehome.traffic.net.Connection;
import dev.phonehome.traffic.net.DnsNames;
import dev.phonehome.traffic.tls.TlsConnection;
import dev.phonehome.traffic.tls.TlsFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What is learnt about one TCP connection while its layers run; summarised when it closes. */
final class ConnectionTracker {
    /** Problems kept per connection; HTTP parsers can report one per message. */
    static final int MAX_PROBLEMS = 32;

    private final Connection connection;
    private final String id;
    private final Optional<String> app;
    private final DnsNames dns;
    private final List<Problem> problems = new ArrayList<>();
    private long bytesFromClient;
    private long bytesFromServer;
    private long lastNanos;
    private long exchanges;
    private TlsConnection tls;
    private boolean clearTextHttp;
    private String firstHost;

    ConnectionTracker(Connection connection, Optional<String> app, DnsNames dns) {
        this.connection = connection;
        this.id = "t" + connection.id();
        this.app = app;
        this.dns = dns;
        this.lastNanos = connection.startNanos();
    }

    String id() {
        return id;
    }

    void count(boolean fromClient, long timestampNanos, int bytes) {
        if (fromClient) {
            bytesFromClient += bytes;
        } else {
            bytesFromServer += bytes;
        }
        lastNanos = Math.max(lastNanos, timestampNanos);
    }

    /** The TLS layer directly on TCP. */
    void tls(TlsConnection t) {
        tls = t;
    }

    /** HTTP directly on TCP, without TLS. */
    void clearTextHttp() {
        clearTextHttp = true;
    }

    void problem(Problem p) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        }
    }

    void exchange(HttpExchange x, LayerContext context, Settings settings) {
        exchanges++;
        Optional<TlsFacts> facts = context.tls().map(TlsConnection::facts);
        String authority = x.authority().isEmpty() ? connection.server().toString() : x.authority();
        String host = Urls.hostOfAuthority(authority);
        if (firstHost == null && !x.authority().isEmpty()) {
            firstHost = host;
        }
        Optional<ServerName> name = ServerName.choose(facts.flatMap(TlsFacts::serverName),
                x.authority().isEmpty() ? Optional.empty() : Optional.of(host), dns, connection.server().address());
        String scheme = !x.scheme().isEmpty() ? x.scheme() : facts.isPresent() ? "https" : "http";
        long time = x.requestTimeNanos() != 0 ? x.requestTimeNanos() : x.responseTimeNanos();
        settings.exchanges().accept(new TrafficExchange(x.id(), id, Times.iso(time), app,
                connection.client().toString(), connection.server().toString(), name.map(ServerName::name),
                name.map(ServerName::source), facts.map(TlsSummary::of), x.httpVersion(), x.method(),
                Urls.of(scheme, authority, x.path()), x.status(), x.requestHeaders(),
                TrafficBody.of(x.requestBody(), Header.first(x.requestHeaders(), "content-type"), settings.maxBodyBytes()),
                x.responseHeaders(),
                TrafficBody.of(x.responseBody(), Header.first(x.responseHeaders(), "content-type"), settings.maxBodyBytes()),
                x.problems()));
    }

    TrafficConnection summary() {
        Optional<TlsFacts> facts = Optional.ofNullable(tls).map(TlsConnection::facts);
        Optional<ServerName> name = ServerName.choose(facts.flatMap(TlsFacts::serverName), Optional.ofNullable(firstHost),
                dns, connection.server().address());
        List<Problem> all = new ArrayList<>(problems);
        facts.ifPresent(f -> all.addAll(f.problems()));
        return new TrafficConnection(id, connection.client().toString(), connection.server().toString(),
                Times.iso(connection.startNanos()), Times.iso(lastNanos), app, name.map(ServerName::name),
                name.map(ServerName::source), protocol(facts), facts.map(TlsSummary::of), bytesFromClient,
                bytesFromServer, exchanges, all);
    }

    private Protocol protocol(Optional<TlsFacts> facts) {
        if (facts.isPresent()) {
            return facts.get().decrypted() && exchanges > 0 ? Protocol.HTTPS : Protocol.TLS;
        }
        if (clearTextHttp) {
            return Protocol.HTTP;
        }
        return bytesFromClient + bytesFromServer > 0 ? Protocol.OTHER : Protocol.NONE;
    }
}
