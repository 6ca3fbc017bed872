package dev.phonehome.traffic.http;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * HTTP/1.x over one connection: requests and responses parsed incrementally in both directions,
 * responses matched to requests first-in first-out (pipelining), interim 1xx responses kept,
 * CONNECT and Upgrade turning the connection into a tunnel or handing it to HTTP/2 (h2c).
 */
final class Http1Connection implements ConnectionEngine {
    /** Takes over the connection after a {@code 101} to {@code Upgrade: h2c}. */
    interface Http2Handoff {
        void switchTo(ExchangeDraft upgradedRequest, ByteQueue client, ByteQueue server);
    }

    private enum Phase { HEAD, BODY, PAUSED, RESYNC }

    /** A request on the wire and, once seen, its response. */
    private static final class Pending {
        final ExchangeDraft draft;
        boolean requestDone;
        boolean responseDone;
        boolean holdsClient;

        Pending(ExchangeDraft draft) {
            this.draft = draft;
        }
    }

    /** Parsing state of one direction. */
    private static final class Side {
        final boolean fromClient;
        final ByteQueue q = new ByteQueue();
        Phase phase = Phase.HEAD;
        boolean atLineStart = true;
        Http1BodyReader body;
        Pending current;

        Side(boolean fromClient) {
            this.fromClient = fromClient;
        }
    }

    private final String key;
    private final HttpLimits limits;
    private final HttpListener listener;
    private final ConnectionMemory memory;
    private final Http2Handoff handoff;
    private final Side client = new Side(true);
    private final Side server = new Side(false);
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long nextSequence;
    private HttpExchange tunnel;
    private boolean handedOff;

    Http1Connection(String key, HttpLimits limits, HttpListener listener, ConnectionMemory memory, Http2Handoff handoff) {
        this.key = key;
        this.limits = limits;
        this.listener = listener;
        this.memory = memory;
        this.handoff = handoff;
    }

    @Override
    public void feed(boolean fromClient, long timestampNanos, ByteBuffer bytes) {
        if (tunnel != null) {
            listener.onTunnel(tunnel, fromClient, timestampNanos, bytes);
            return;
        }
        Side s = side(fromClient);
        s.q.append(bytes, timestampNanos);
        if (s.phase == Phase.PAUSED && s.q.size() > limits.maxHeaderSectionBytes()) {
            // A client may speak early after CONNECT or Upgrade, but not without bound: read it as HTTP again.
            s.phase = Phase.HEAD;
        }
        pump();
    }

    @Override
    public void gap(boolean fromClient, long missing) {
        if (tunnel != null) {
            listener.onTunnelGap(tunnel, fromClient, missing);
            return;
        }
        Side s = side(fromClient);
        if (s.phase == Phase.BODY && s.q.isEmpty() && s.body.canBridge(missing)) {
            s.current.draft.problem(HttpIssue.CAPTURE_GAP, missing + " body bytes missing from the capture");
            if (s.body.bridge(missing, collector(s, s.current)) == Http1BodyReader.Outcome.DONE) {
                messageDone(s);
            }
            pump();
            return;
        }
        String what = missing + " bytes missing from the " + (fromClient ? "client" : "server") + " stream at offset "
                + (s.q.offset() + s.q.size());
        if (s.current != null) {
            s.current.draft.problem(HttpIssue.CAPTURE_GAP, what);
            collector(s, s.current).missing(missing);
            messageDone(s);
        } else if (s.phase == Phase.HEAD && !onlyLineBreaks(s.q)) {
            lostHead(s, what);
        } else {
            listener.onProblem(HttpIssue.CAPTURE_GAP.problem(key, what));
        }
        s.q.clear();
        s.phase = Phase.RESYNC;
        s.atLineStart = false;
        pump();
    }

    @Override
    public void end() {
        if (tunnel != null || handedOff) {
            return;
        }
        for (Side s : new Side[] {client, server}) {
            if (s.phase == Phase.BODY && s.current != null) {
                if (!s.body.untilClose()) {
                    collector(s, s.current).cut();
                    s.current.draft.problem(s.fromClient ? HttpIssue.REQUEST_INCOMPLETE : HttpIssue.RESPONSE_MISSING,
                            "connection ended inside the " + (s.fromClient ? "request" : "response") + " body");
                }
                messageDone(s);
            }
            if (s.phase == Phase.HEAD && !onlyLineBreaks(s.q)) {
                listener.onProblem((s.fromClient ? HttpIssue.REQUEST_INCOMPLETE : HttpIssue.RESPONSE_MISSING).problem(key,
                        s.q.size() + " bytes of an unfinished message head at offset " + s.q.offset()));
            }
        }
        flushAll();
    }

    /**
     * A gap cut a message head: keep its place in the request/response pairing, so responses
     * after the gap still answer the right requests, and keep its start line if that was seen.
     */
    private void lostHead(Side s, String what) {
        int nl = s.q.indexOf((byte) '\n', 0, s.q.size());
        String first = nl < 0 ? "" : Http1HeadParser.line(s.q, 0, nl);
        if (s.fromClient) {
            ExchangeDraft d = new ExchangeDraft(key, nextSequence++, limits, memory);
            d.requestTimeNanos = s.q.frontTimestamp();
            Matcher m = Http1HeadParser.REQUEST_LINE.matcher(first);
            if (m.matches()) {
                d.method = m.group(1);
                d.path = m.group(2);
                d.httpVersion = m.group(3);
            }
            d.problem(HttpIssue.CAPTURE_GAP, "request head cut: " + what);
            Pending p = new Pending(d);
            p.requestDone = true;
            pending.addLast(p);
            return;
        }
        Pending p = pending.stream().filter(x -> !x.responseDone).findFirst().orElse(null);
        if (p == null) {
            listener.onProblem(HttpIssue.CAPTURE_GAP.problem(key, what));
            return;
        }
        Matcher m = Http1HeadParser.STATUS_LINE.matcher(first);
        if (m.matches()) {
            p.draft.status = Integer.parseInt(m.group(2));
            p.draft.reason = m.group(3) == null ? "" : m.group(3);
        }
        p.draft.responseTimeNanos = s.q.frontTimestamp();
        p.draft.responseBody.cut();
        p.draft.problem(HttpIssue.CAPTURE_GAP, "response head cut: " + what);
        s.current = p;
        messageDone(s);
    }

    private void pump() {
        boolean progress = true;
        while (progress && tunnel == null && !handedOff) {
            progress = step(client);
            progress |= tunnel == null && !handedOff && step(server);
        }
    }

    private boolean step(Side s) {
        switch (s.phase) {
            case HEAD -> {
                return readHead(s);
            }
            case BODY -> {
                return readBody(s);
            }
            case RESYNC -> {
                Http1Resync.Outcome o = Http1Resync.skipToStartLine(s.q, s.fromClient, s.atLineStart, limits);
                s.atLineStart = o != Http1Resync.Outcome.MID_LINE;
                if (o == Http1Resync.Outcome.FOUND) {
                    s.phase = Phase.HEAD;
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean readHead(Side s) {
        if (s.q.isEmpty()) {
            return false;
        }
        Http1HeadParser.Result r = Http1HeadParser.parse(s.q, s.fromClient, limits);
        if (r instanceof Http1HeadParser.Parsed p) {
            long ts = s.q.frontTimestamp();
            long offset = s.q.offset();
            s.q.consume(p.consumed());
            if (s.fromClient) {
                onRequest(s, p.head(), ts, offset);
            } else {
                onResponse(s, p.head(), ts, offset);
            }
            return true;
        }
        if (r instanceof Http1HeadParser.Malformed m) {
            HttpIssue issue = s.fromClient ? HttpIssue.REQUEST_MALFORMED : HttpIssue.RESPONSE_MALFORMED;
            listener.onProblem(issue.problem(key, "offset " + s.q.offset() + ": " + m.reason()));
            int nl = s.q.indexOf((byte) '\n', 0, s.q.size());
            s.q.consume(nl < 0 ? s.q.size() : nl + 1);
            s.atLineStart = nl >= 0;
            s.phase = Phase.RESYNC;
            return true;
        }
        return false;
    }

    private void onRequest(Side s, Http1Head head, long ts, long offset) {
        if (pending.size() >= limits.maxPendingRequests()) {
            Pending oldest = pending.removeFirst();
            oldest.draft.problem(HttpIssue.RESPONSE_MISSING,
                    "more than " + limits.maxPendingRequests() + " requests waiting for responses");
            listener.onExchange(oldest.draft.build(key, limits));
        }
        ExchangeDraft d = new ExchangeDraft(key, nextSequence++, limits, memory);
        d.requestTimeNanos = ts;
        d.httpVersion = head.version();
        d.method = head.method();
        d.path = head.target();
        d.authority = head.method().equals("CONNECT") ? head.target() : Header.first(head.headers(), "Host").orElse("");
        d.requestHeaders = head.headers();
        Pending p = new Pending(d);
        p.holdsClient = head.method().equals("CONNECT") || Header.first(head.headers(), "Upgrade").isPresent();
        pending.addLast(p);
        s.current = p;
        Http1Framing framing;
        try {
            framing = Http1Framing.ofRequest(head, offset);
        } catch (Http1FormatException e) {
            d.problem(HttpIssue.REQUEST_MALFORMED, e.getMessage());
            framing = Http1Framing.NONE;
        }
        startBody(s, framing);
    }

    private void onResponse(Side s, Http1Head head, long ts, long offset) {
        Pending p = pending.stream().filter(x -> !x.responseDone).findFirst().orElse(null);
        if (p == null) {
            ExchangeDraft d = new ExchangeDraft(key, nextSequence++, limits, memory);
            d.httpVersion = head.version();
            d.problem(HttpIssue.RESPONSE_UNSOLICITED, "response at offset " + offset + " answers no request");
            p = new Pending(d);
            p.requestDone = true;
            pending.addLast(p);
        }
        ExchangeDraft d = p.draft;
        if (head.status() < 200 && head.status() != 101) {
            d.interimStatuses.add(head.status());
            return;
        }
        d.status = head.status();
        d.reason = head.reason();
        d.responseHeaders = head.headers();
        d.responseTimeNanos = ts;
        s.current = p;
        if (p.holdsClient && p.requestDone && switchesProtocol(p, head)) {
            return;
        }
        Http1Framing framing;
        try {
            framing = Http1Framing.ofResponse(head, d.method, offset);
        } catch (Http1FormatException e) {
            d.problem(HttpIssue.RESPONSE_MALFORMED, e.getMessage());
            framing = new Http1Framing(Http1Framing.Kind.UNTIL_CLOSE, 0);
        }
        startBody(s, framing);
    }

    /** After a 2xx to CONNECT or a 101, the rest of the connection is not HTTP/1.x. */
    private boolean switchesProtocol(Pending p, Http1Head head) {
        ExchangeDraft d = p.draft;
        boolean connect = d.method.equals("CONNECT") && head.status() < 300;
        if (!connect && head.status() != 101) {
            return false;
        }
        d.upgrade = connect ? "tunnel"
                : Header.first(head.headers(), "Upgrade").orElse("unknown").split(",")[0].trim().toLowerCase(Locale.ROOT);
        p.responseDone = true;
        server.current = null;
        if (d.upgrade.equals("h2c")) {
            pending.remove(p);
            d.interimStatuses.add(d.status);
            d.status = 0;
            d.reason = "";
            d.responseHeaders = List.of();
            flushAll();
            handedOff = true;
            handoff.switchTo(d, client.q, server.q);
            return true;
        }
        HttpExchange opener = flushAll(p);
        tunnel = opener;
        for (Side s : new Side[] {client, server}) {
            if (!s.q.isEmpty()) {
                listener.onTunnel(opener, s.fromClient, s.q.frontTimestamp(), s.q.drain());
            }
        }
        return true;
    }

    private void startBody(Side s, Http1Framing framing) {
        s.body = new Http1BodyReader(framing);
        if (framing.kind() == Http1Framing.Kind.NONE) {
            messageDone(s);
        } else {
            s.phase = Phase.BODY;
        }
    }

    private boolean readBody(Side s) {
        ExchangeDraft d = s.current.draft;
        try {
            Http1BodyReader.Outcome o = s.body.read(s.q, collector(s, s.current), limits);
            if (o == Http1BodyReader.Outcome.DONE) {
                if (s.fromClient) {
                    d.requestTrailers = s.body.trailers();
                } else {
                    d.responseTrailers = s.body.trailers();
                }
                messageDone(s);
            }
            return o != Http1BodyReader.Outcome.STALLED;
        } catch (Http1FormatException e) {
            d.problem(s.fromClient ? HttpIssue.REQUEST_MALFORMED : HttpIssue.RESPONSE_MALFORMED, e.getMessage());
            collector(s, s.current).cut();
            messageDone(s);
            s.phase = Phase.RESYNC;
            s.atLineStart = false;
            return true;
        }
    }

    private void messageDone(Side s) {
        Pending p = s.current;
        s.current = null;
        s.phase = Phase.HEAD;
        if (s.fromClient) {
            p.requestDone = true;
            if (p.holdsClient && !p.responseDone) {
                s.phase = Phase.PAUSED;
            }
        } else {
            p.responseDone = true;
            if (client.phase == Phase.PAUSED) {
                client.phase = Phase.HEAD;
            }
        }
        while (!pending.isEmpty() && pending.peekFirst().requestDone && pending.peekFirst().responseDone) {
            listener.onExchange(pending.removeFirst().draft.build(key, limits));
        }
    }

    /** Emits every pending exchange, complete or not, in order; returns the one built for {@code wanted}. */
    private HttpExchange flushAll(Pending wanted) {
        HttpExchange found = null;
        while (!pending.isEmpty()) {
            Pending p = pending.removeFirst();
            if (!p.requestDone) {
                p.draft.requestBody.cut();
                p.draft.problem(HttpIssue.REQUEST_INCOMPLETE, "connection ended before the request was complete");
            }
            if (!p.responseDone && p.draft.status == 0) {
                p.draft.problem(HttpIssue.RESPONSE_MISSING, "no response seen");
            } else if (!p.responseDone) {
                p.draft.responseBody.cut();
                p.draft.problem(HttpIssue.RESPONSE_MISSING, "connection ended before the response was complete");
            }
            HttpExchange e = p.draft.build(key, limits);
            listener.onExchange(e);
            if (p == wanted) {
                found = e;
            }
        }
        return found;
    }

    private void flushAll() {
        flushAll(null);
    }

    private static boolean onlyLineBreaks(ByteQueue q) {
        for (int i = 0; i < q.size(); i++) {
            if (q.at(i) != '\r' && q.at(i) != '\n') {
                return false;
            }
        }
        return true;
    }

    private Side side(boolean fromClient) {
        return fromClient ? client : server;
    }

    private static BodyCollector collector(Side s, Pending p) {
        return s.fromClient ? p.draft.requestBody : p.draft.responseBody;
    }
}
