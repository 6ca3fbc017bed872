package dev.phonehome.traffic.http;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP/2 over one connection: frames of both directions, header blocks decoded with HPACK, and
 * streams assembled into exchanges. Stream errors close one exchange with a problem; connection
 * errors and capture gaps close every open stream and ignore the rest of the connection.
 */
final class Http2Connection implements ConnectionEngine {
    private final String key;
    private final HttpLimits limits;
    private final HttpListener listener;
    private final ConnectionMemory memory;
    private final Http2Direction client;
    private final Http2Direction server;
    private final TreeMap<Integer, Http2Stream> streams = new TreeMap<>();
    private int lastClientStream;
    private int lastServerStream;
    private boolean dead;

    Http2Connection(String key, HttpLimits limits, HttpListener listener, ConnectionMemory memory,
                    Optional<ExchangeDraft> upgradedRequest) {
        this.key = key;
        this.limits = limits;
        this.listener = listener;
        this.memory = memory;
        this.client = new Http2Direction(true, limits);
        this.server = new Http2Direction(false, limits);
        upgradedRequest.ifPresent(this::adoptUpgradedRequest);
    }

    /** After h2c, stream 1 carries the HTTP/1.1 request; its HTTP2-Settings are the client's first SETTINGS. */
    private void adoptUpgradedRequest(ExchangeDraft d) {
        Http2Stream s = new Http2Stream(1, d);
        s.requestSeen = true;
        s.clientEnded = true;
        streams.put(1, s);
        lastClientStream = 1;
        Header.first(d.requestHeaders, "HTTP2-Settings").ifPresent(encoded -> {
            try {
                byte[] payload = Base64.getUrlDecoder().decode(encoded.trim());
                Http2Settings.apply(new Http2Frame(Http2Frame.SETTINGS, 0, 0, payload, 0, d.requestTimeNanos), server);
            } catch (IllegalArgumentException | FormatException e) {
                d.problems.add(HttpIssue.H2_CONNECTION_ERROR.problem(d.id, Http2Error.PROTOCOL_ERROR,
                        "HTTP2-Settings header unusable: " + e.getMessage()));
            }
        });
    }

    @Override
    public void feed(boolean fromClient, long timestampNanos, ByteBuffer bytes) {
        if (dead) {
            return;
        }
        Http2Direction dir = fromClient ? client : server;
        dir.reader.queue().append(bytes, timestampNanos);
        try {
            Http2Frame f;
            while (!dead && (f = dir.reader.next()) != null) {
                dispatch(dir, f);
            }
        } catch (Http2Exception e) {
            connectionError(e);
        }
    }

    @Override
    public void gap(boolean fromClient, long missing) {
        if (dead) {
            return;
        }
        String what = missing + " bytes missing from the " + (fromClient ? "client" : "server")
                + " stream: HTTP/2 framing and HPACK state are lost";
        listener.onProblem(HttpIssue.CAPTURE_GAP.problem(key, what));
        closeAll(HttpIssue.CAPTURE_GAP, what);
    }

    @Override
    public void end() {
        if (dead) {
            return;
        }
        closeAll(HttpIssue.RESPONSE_MISSING, "connection ended with the stream open");
    }

    private void dispatch(Http2Direction dir, Http2Frame f) throws Http2Exception {
        try {
            dir.requireContinuationIfOpen(f);
            switch (f.type()) {
                case Http2Frame.DATA -> onData(dir, f);
                case Http2Frame.HEADERS -> onHeaders(dir, f);
                case Http2Frame.PRIORITY -> expectLength(f, 5, false);
                case Http2Frame.RST_STREAM -> onReset(dir, f);
                case Http2Frame.SETTINGS -> {
                    onConnectionOnly(f);
                    Http2Settings.apply(f, dir.fromClient ? server : client);
                }
                case Http2Frame.PUSH_PROMISE -> onPushPromise(dir, f);
                case Http2Frame.PING -> {
                    onConnectionOnly(f);
                    expectLength(f, 8, true);
                }
                case Http2Frame.GOAWAY -> onGoAway(dir, f);
                case Http2Frame.WINDOW_UPDATE -> expectLength(f, 4, true);
                case Http2Frame.CONTINUATION -> onHeaderBlock(dir, dir.continueBlock(f));
                default -> {
                    // Unknown frame types are ignored (RFC 9113 section 4.1).
                }
            }
        } catch (Http2Exception e) {
            if (e.isConnectionError()) {
                throw e;
            }
            streamError(e);
        } catch (FormatException e) {
            throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, f.offset(), e.getMessage());
        }
    }

    private void onHeaders(Http2Direction dir, Http2Frame f) throws FormatException {
        requireStream(f);
        ByteCursor c = f.unpadded();
        if (f.has(Http2Frame.PRIORITY_FLAG)) {
            c.skip(5);
        }
        onHeaderBlock(dir, dir.begin(f, 0, c));
    }

    private void onPushPromise(Http2Direction dir, Http2Frame f) throws FormatException {
        requireStream(f);
        if (dir.fromClient) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, f.offset(), "PUSH_PROMISE from the client");
        }
        ByteCursor c = f.unpadded();
        int promised = c.s32() & 0x7FFF_FFFF;
        if (promised == 0 || promised % 2 != 0 || promised <= lastServerStream) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, f.offset(),
                    "promised stream " + promised + " is not a new even id (last " + lastServerStream + ")");
        }
        lastServerStream = promised;
        onHeaderBlock(dir, dir.begin(f, promised, c));
    }

    private void onHeaderBlock(Http2Direction dir, Http2Direction.Assembled done) throws Http2Exception {
        if (done == null) {
            return;
        }
        if (done.first().type() == Http2Frame.PUSH_PROMISE) {
            onPromisedRequest(done.first(), done.promisedId(), done.block());
        } else if (dir.fromClient) {
            onClientHeaders(done.first(), done.block());
        } else {
            onServerHeaders(done.first(), done.block());
        }
    }

    private void onClientHeaders(Http2Frame f, HeaderBlock block) throws Http2Exception {
        int id = f.streamId();
        Http2Stream s = streams.get(id);
        if (s == null) {
            if (id % 2 == 0 || id <= lastClientStream) {
                throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, f.offset(),
                        "client HEADERS on stream " + id + " which is not a new odd id (last " + lastClientStream + ")");
            }
            if (!block.request()) {
                throw Http2Exception.stream(Http2Error.PROTOCOL_ERROR, id, f.offset(), "first client HEADERS is not a request");
            }
            lastClientStream = id;
            if (streams.size() >= limits.maxOpenStreams()) {
                throw Http2Exception.connection(Http2Error.ENHANCE_YOUR_CALM, f.offset(),
                        "more than " + limits.maxOpenStreams() + " open streams");
            }
            s = new Http2Stream(id, new ExchangeDraft(key, id, limits, memory));
            streams.put(id, s);
            fillRequest(s, block, f.timestampNanos());
        } else if (s.clientEnded) {
            throw Http2Exception.stream(Http2Error.STREAM_CLOSED, id, f.offset(), "client HEADERS after END_STREAM");
        } else if (!block.isTrailers() || !f.has(Http2Frame.END_STREAM)) {
            throw Http2Exception.stream(Http2Error.PROTOCOL_ERROR, id, f.offset(), "second client HEADERS is not trailers");
        } else {
            s.draft.requestTrailers = block.headers();
        }
        if (f.has(Http2Frame.END_STREAM)) {
            s.clientEnded = true;
        }
        completeIfClosed(s);
    }

    private void onServerHeaders(Http2Frame f, HeaderBlock block) throws Http2Exception {
        int id = f.streamId();
        Http2Stream s = openStream(f);
        if (s.serverEnded) {
            throw Http2Exception.stream(Http2Error.STREAM_CLOSED, id, f.offset(), "server HEADERS after END_STREAM");
        }
        if (block.isResponse() && block.status() < 200) {
            s.draft.interimStatuses.add(block.status());
        } else if (block.isResponse() && !s.finalResponseSeen) {
            s.finalResponseSeen = true;
            s.draft.status = block.status();
            s.draft.responseHeaders = block.headers();
            s.draft.responseTimeNanos = f.timestampNanos();
        } else if (block.isTrailers() && s.finalResponseSeen && f.has(Http2Frame.END_STREAM)) {
            s.draft.responseTrailers = block.headers();
        } else {
            throw Http2Exception.stream(Http2Error.PROTOCOL_ERROR, id, f.offset(), "unexpected server HEADERS");
        }
        if (f.has(Http2Frame.END_STREAM)) {
            s.serverEnded = true;
        }
        completeIfClosed(s);
    }

    private void onPromisedRequest(Http2Frame f, int promisedId, HeaderBlock block) throws Http2Exception {
        openStream(f);
        if (!block.request()) {
            throw Http2Exception.stream(Http2Error.PROTOCOL_ERROR, promisedId, f.offset(), "PUSH_PROMISE without a request");
        }
        if (streams.size() >= limits.maxOpenStreams()) {
            throw Http2Exception.connection(Http2Error.ENHANCE_YOUR_CALM, f.offset(),
                    "more than " + limits.maxOpenStreams() + " open streams");
        }
        Http2Stream s = new Http2Stream(promisedId, new ExchangeDraft(key, promisedId, limits, memory));
        s.draft.pushedBy = f.streamId();
        s.clientEnded = true;
        streams.put(promisedId, s);
        fillRequest(s, block, f.timestampNanos());
    }

    private static void fillRequest(Http2Stream s, HeaderBlock block, long ts) {
        s.requestSeen = true;
        ExchangeDraft d = s.draft;
        d.requestTimeNanos = ts;
        d.method = block.method();
        d.scheme = block.scheme();
        d.authority = block.authority();
        d.path = block.path();
        d.requestHeaders = block.headers();
    }

    private void onData(Http2Direction dir, Http2Frame f) throws Http2Exception {
        requireStream(f);
        Http2Stream s = streams.get(f.streamId());
        ByteCursor body = f.unpadded();
        if (s == null) {
            requireKnownId(f);
            return;
        }
        if (dir.fromClient ? s.clientEnded : s.serverEnded) {
            throw Http2Exception.stream(Http2Error.STREAM_CLOSED, s.id, f.offset(), "DATA after END_STREAM");
        }
        if (!dir.fromClient && !s.finalResponseSeen) {
            throw Http2Exception.stream(Http2Error.PROTOCOL_ERROR, s.id, f.offset(), "DATA before the response HEADERS");
        }
        (dir.fromClient ? s.draft.requestBody : s.draft.responseBody).add(body.buffer());
        if (f.has(Http2Frame.END_STREAM)) {
            if (dir.fromClient) {
                s.clientEnded = true;
            } else {
                s.serverEnded = true;
            }
        }
        completeIfClosed(s);
    }

    private void onReset(Http2Direction dir, Http2Frame f) throws FormatException {
        requireStream(f);
        expectLength(f, 4, true);
        Http2Stream s = streams.get(f.streamId());
        if (s == null) {
            requireKnownId(f);
            return;
        }
        Http2Error error = Http2Error.of(f.cursor().u32());
        s.draft.problems.add(HttpIssue.H2_RESET.problem(s.draft.id, error,
                "RST_STREAM from the " + (dir.fromClient ? "client" : "server") + ": " + error));
        close(s);
    }

    private void onGoAway(Http2Direction dir, Http2Frame f) throws FormatException {
        onConnectionOnly(f);
        if (f.payload().length < 8) {
            throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, f.offset(), "GOAWAY shorter than 8 bytes");
        }
        ByteCursor c = f.cursor();
        int last = c.s32() & 0x7FFF_FFFF;
        Http2Error error = Http2Error.of(c.u32());
        if (error != Http2Error.NO_ERROR) {
            listener.onProblem(HttpIssue.H2_CONNECTION_ERROR.problem(key, error,
                    "GOAWAY from the " + (dir.fromClient ? "client" : "server") + ": " + error + ", last stream " + last));
        }
    }

    private Http2Stream openStream(Http2Frame f) throws Http2Exception {
        Http2Stream s = streams.get(f.streamId());
        if (s == null) {
            requireKnownId(f);
            throw Http2Exception.stream(Http2Error.STREAM_CLOSED, f.streamId(), f.offset(),
                    "frame type " + f.type() + " on closed stream " + f.streamId());
        }
        return s;
    }

    /** A frame on a stream never opened is a connection error; on one already closed it is ignored. */
    private void requireKnownId(Http2Frame f) throws Http2Exception {
        int id = f.streamId();
        int last = id % 2 == 1 ? lastClientStream : lastServerStream;
        if (id > last) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, f.offset(),
                    "frame type " + f.type() + " on idle stream " + id);
        }
    }

    private static void requireStream(Http2Frame f) throws Http2Exception {
        if (f.streamId() == 0) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, f.offset(), "frame type " + f.type() + " on stream 0");
        }
    }

    private static void onConnectionOnly(Http2Frame f) throws Http2Exception {
        if (f.streamId() != 0) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, f.offset(),
                    "frame type " + f.type() + " on stream " + f.streamId());
        }
    }

    private static void expectLength(Http2Frame f, int length, boolean connectionError) throws Http2Exception {
        if (f.payload().length != length) {
            String msg = "frame type " + f.type() + " of " + f.payload().length + " bytes, expected " + length;
            throw connectionError ? Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, f.offset(), msg)
                    : Http2Exception.stream(Http2Error.FRAME_SIZE_ERROR, f.streamId(), f.offset(), msg);
        }
    }

    private void completeIfClosed(Http2Stream s) {
        if (s.closed()) {
            close(s);
        }
    }

    private void close(Http2Stream s) {
        streams.remove(s.id);
        s.cutOpenSides();
        listener.onExchange(s.draft.build(key, limits));
    }

    private void streamError(Http2Exception e) {
        int id = e.streamId();
        Http2Stream s = streams.get(id);
        if (s == null && id % 2 == 1 && id > lastClientStream) {
            // A request refused before its stream opened still gets an exchange: the evidence is that it was sent.
            lastClientStream = id;
            s = new Http2Stream(id, new ExchangeDraft(key, id, limits, memory));
        }
        if (s == null) {
            listener.onProblem(HttpIssue.H2_STREAM_ERROR.problem(key, e.error(), e.getMessage()));
            return;
        }
        s.draft.problems.add(HttpIssue.H2_STREAM_ERROR.problem(s.draft.id, e.error(), e.getMessage()));
        close(s);
    }

    private void connectionError(Http2Exception e) {
        listener.onProblem(HttpIssue.H2_CONNECTION_ERROR.problem(key, e.error(), e.getMessage()));
        closeAll(HttpIssue.H2_CONNECTION_ERROR, "connection failed: " + e.getMessage());
    }

    private void closeAll(HttpIssue issue, String message) {
        dead = true;
        client.reader.queue().clear();
        server.reader.queue().clear();
        while (!streams.isEmpty()) {
            Http2Stream s = streams.firstEntry().getValue();
            s.draft.problem(issue, message);
            close(s);
        }
    }
}
