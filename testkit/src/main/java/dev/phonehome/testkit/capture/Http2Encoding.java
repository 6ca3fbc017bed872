package dev.phonehome.testkit.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.hpack.HpackEncoder;
import org.eclipse.jetty.http2.hpack.HpackException;

/**
 * HTTP/2 (RFC 9113) over TLS: connection preface and SETTINGS exchange, then one client-initiated
 * stream per exchange (1, 3, 5, ...) with HEADERS and DATA frames; header blocks are compressed
 * by Jetty's HPACK encoder, one per direction as on a real connection.
 */
final class Http2Encoding implements HttpEncoding {
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DATA = 0x0;
    private static final int HEADERS = 0x1;
    private static final int SETTINGS = 0x4;
    private static final int END_STREAM = 0x1;
    private static final int ACK = 0x1;
    private static final int END_HEADERS = 0x4;
    private static final int SETTINGS_ENABLE_PUSH = 0x2;
    private static final int SETTINGS_MAX_CONCURRENT_STREAMS = 0x3;
    private static final int SETTINGS_INITIAL_WINDOW_SIZE = 0x4;

    private final String host;
    private final HpackEncoder clientHpack = new HpackEncoder();
    private final HpackEncoder serverHpack = new HpackEncoder();

    Http2Encoding(String host) {
        this.host = host;
    }

    @Override
    public void exchange(TlsPair tls, List<HttpExchangeSpec> exchanges) {
        ByteArrayOutputStream preface = new ByteArrayOutputStream();
        preface.writeBytes(PREFACE);
        preface.writeBytes(settings(SETTINGS_ENABLE_PUSH, 0, SETTINGS_INITIAL_WINDOW_SIZE, 6_291_456));
        tls.clientSends(preface.toByteArray());
        ByteArrayOutputStream serverSettings = new ByteArrayOutputStream();
        serverSettings.writeBytes(settings(SETTINGS_MAX_CONCURRENT_STREAMS, 100));
        serverSettings.writeBytes(frame(SETTINGS, ACK, 0, new byte[0]));
        tls.serverSends(serverSettings.toByteArray());
        int stream = 1;
        for (HttpExchangeSpec e : exchanges) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            if (stream == 1) {
                request.writeBytes(frame(SETTINGS, ACK, 0, new byte[0]));
            }
            HttpFields.Mutable fields = fields(e.requestHeaders(), e.requestBody(), !e.method().equals("GET"));
            MetaData.Request head = new MetaData.Request(e.method(), HttpURI.from("https://" + host + e.path()),
                    HttpVersion.HTTP_2, fields);
            message(request, stream, encode(clientHpack, head), e.requestBody());
            tls.clientSends(request.toByteArray());
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            MetaData.Response status = new MetaData.Response(e.status(), null, HttpVersion.HTTP_2,
                    fields(e.responseHeaders(), e.responseBody(), e.status() != 204));
            message(response, stream, encode(serverHpack, status), e.responseBody());
            tls.serverSends(response.toByteArray());
            stream += 2;
        }
    }

    private static HttpFields.Mutable fields(List<HttpHeader> headers, byte[] body, boolean length) {
        HttpFields.Mutable fields = HttpFields.build();
        headers.forEach(h -> fields.add(h.name().toLowerCase(java.util.Locale.ROOT), h.value()));
        if (length) {
            fields.add("content-length", Integer.toString(body.length));
        }
        return fields;
    }

    private static void message(ByteArrayOutputStream out, int stream, byte[] headerBlock, byte[] body) {
        out.writeBytes(frame(HEADERS, END_HEADERS | (body.length == 0 ? END_STREAM : 0), stream, headerBlock));
        if (body.length > 0) {
            out.writeBytes(frame(DATA, END_STREAM, stream, body));
        }
    }

    private static byte[] encode(HpackEncoder encoder, MetaData head) {
        ByteBuffer block = ByteBuffer.allocate(16 * 1024);
        try {
            encoder.encode(block, head);
        } catch (HpackException e) {
            throw new IllegalStateException("HPACK cannot encode " + head, e);
        }
        block.flip();
        byte[] bytes = new byte[block.remaining()];
        block.get(bytes);
        return bytes;
    }

    private static byte[] settings(int... idValuePairs) {
        ByteBuffer b = ByteBuffer.allocate(idValuePairs.length / 2 * 6);
        for (int i = 0; i < idValuePairs.length; i += 2) {
            b.putShort((short) idValuePairs[i]).putInt(idValuePairs[i + 1]);
        }
        return frame(SETTINGS, 0, 0, b.array());
    }

    /** One frame; bodies of the sample stay below the default 16 KiB frame size. */
    private static byte[] frame(int type, int flags, int stream, byte[] payload) {
        if (payload.length > 16_384) {
            throw new IllegalArgumentException("frame payload of " + payload.length + " bytes exceeds 16384");
        }
        ByteBuffer b = ByteBuffer.allocate(9 + payload.length);
        b.put((byte) (payload.length >> 16)).putShort((short) payload.length).put((byte) type).put((byte) flags)
                .putInt(stream).put(payload);
        return b.array();
    }
}
