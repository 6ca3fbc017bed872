package dev.phonehome.traffic.flow;

import dev.phonehome.traffic.http.ExchangeIds;
import dev.phonehome.traffic.capture.HarEntry;
import dev.phonehome.traffic.http.Header;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HAR entries as the same model a packet capture gives. A HAR has no packets, so connections
 * are synthesised: one per HAR {@code connection} id, else per server address, else per host.
 * At most {@link #MAX_CONNECTIONS} are kept apart; later ones share the last. The server is
 * {@code address:port} when the HAR recorded the address, else the URL's host.
 */
final class HarTraffic {
    static final int MAX_CONNECTIONS = 100_000;

    private static final class Synthesised {
        final String id;
        final String server;
        final String host;
        String start;
        String end;
        long fromClient;
        long fromServer;
        long exchanges;

        Synthesised(String id, String server, String host, String time) {
            this.id = id;
            this.server = server;
            this.host = host;
            this.start = time;
            this.end = time;
        }
    }

    private final Map<String, Synthesised> connections = new LinkedHashMap<>();
    private final int maxBodyBytes;
    private Synthesised last;

    HarTraffic(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    TrafficExchange exchange(HarEntry e) {
        HarEntry.Request rq = e.request();
        HarEntry.Response rs = e.response();
        String host = Urls.host(rq.url());
        String time = iso(e.startedDateTime());
        Synthesised c = connection(e, host, time);
        byte[] sent = rq.postData().map(HarEntry.PostData::body).orElse(new byte[0]);
        byte[] received = rs.content().body();
        c.fromClient += sent.length;
        c.fromServer += received.length;
        c.exchanges++;
        Optional<ServerName> name = host.isEmpty() ? Optional.empty()
                : Optional.of(new ServerName(host, ServerNameSource.HAR));
        return new TrafficExchange(ExchangeIds.of("har", e.index()), c.id, time, Optional.empty(), "", c.server,
                name.map(ServerName::name), name.map(ServerName::source), Optional.empty(), rq.httpVersion(),
                rq.method(), rq.url(), rs.status(), headers(rq.headers()),
                body(sent, rq.postData().map(HarEntry.PostData::mimeType)), headers(rs.headers()),
                body(received, Optional.of(rs.content().mimeType())), List.of());
    }

    List<TrafficConnection> connections() {
        List<TrafficConnection> out = new ArrayList<>();
        for (Synthesised s : connections.values()) {
            Optional<ServerName> name = s.host.isEmpty() ? Optional.empty()
                    : Optional.of(new ServerName(s.host, ServerNameSource.HAR));
            out.add(new TrafficConnection(s.id, "", s.server, s.start, s.end, Optional.empty(),
                    name.map(ServerName::name), name.map(ServerName::source),
                    s.host.isEmpty() ? Protocol.OTHER : Protocol.HTTPS, Optional.empty(), s.fromClient, s.fromServer,
                    s.exchanges, List.of()));
        }
        return out;
    }

    private Synthesised connection(HarEntry e, String host, String time) {
        String server = e.serverIpAddress().filter(a -> !a.isEmpty())
                .map(a -> (a.indexOf(':') >= 0 ? "[" + a + "]" : a) + ":" + Urls.port(e.request().url()))
                .orElse(host);
        String key = e.connection().filter(id -> !id.isEmpty()).map(id -> server + "#" + id).orElse(server);
        Synthesised c = connections.get(key);
        if (c == null) {
            if (connections.size() >= MAX_CONNECTIONS) {
                c = last;
            } else {
                c = new Synthesised("h" + (connections.size() + 1), server, host, time);
                connections.put(key, c);
                last = c;
            }
        }
        if (chronological(time, c.start) < 0) {
            c.start = time;
        }
        if (chronological(time, c.end) > 0) {
            c.end = time;
        }
        return c;
    }

    private Optional<TrafficBody> body(byte[] bytes, Optional<String> mimeType) {
        return bytes.length == 0 ? Optional.empty() : Optional.of(TrafficBody.of(bytes,
                mimeType.filter(m -> !m.isEmpty()), false, Optional.empty(), Optional.empty(), maxBodyBytes));
    }

    private static List<Header> headers(List<HarEntry.Header> har) {
        return har.stream().map(h -> new Header(h.name(), h.value())).toList();
    }

    /** Compares two {@link #iso} times; ones that were not parseable compare as text. */
    private static int chronological(String a, String b) {
        try {
            return Instant.parse(a).compareTo(Instant.parse(b));
        } catch (DateTimeParseException e) {
            return a.compareTo(b);
        }
    }

    /** HAR times carry an offset; reports use UTC like packet captures. Unparseable times stay as written. */
    private static String iso(String harTime) {
        try {
            return OffsetDateTime.parse(harTime).toInstant().toString();
        } catch (DateTimeParseException e) {
            return harTime;
        }
    }
}
