package dev.phonehome.traffic.tls;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Replays recorded chunks into a {@link TlsConnection} and collects the plaintext per direction. */
final class CapturedConnection {
    final ByteArrayOutputStream clientPlaintext = new ByteArrayOutputStream();
    final ByteArrayOutputStream serverPlaintext = new ByteArrayOutputStream();
    final TlsConnection connection;

    CapturedConnection(TlsSecrets secrets) {
        connection = new TlsConnection(secrets, (fromClient, nanos, plaintext) -> {
            byte[] bytes = new byte[plaintext.remaining()];
            plaintext.get(bytes);
            (fromClient ? clientPlaintext : serverPlaintext).writeBytes(bytes);
        });
    }

    /** Feeds the chunks in capture order, each split into pieces of at most {@code pieceSize} bytes. */
    CapturedConnection replay(List<LoopbackRelay.Chunk> chunks, int pieceSize) {
        for (LoopbackRelay.Chunk c : chunks) {
            for (int off = 0; off < c.bytes().length; off += pieceSize) {
                int n = Math.min(pieceSize, c.bytes().length - off);
                connection.feed(c.fromClient(), c.nanos(), ByteBuffer.wrap(c.bytes(), off, n));
            }
        }
        connection.end();
        return this;
    }

    /** Feeds one whole direction, then the other: the engine must wait for the missing side. */
    CapturedConnection replayServerFirst(List<LoopbackRelay.Chunk> chunks) {
        for (boolean fromClient : new boolean[] {false, true}) {
            for (LoopbackRelay.Chunk c : chunks) {
                if (c.fromClient() == fromClient) {
                    connection.feed(fromClient, c.nanos(), ByteBuffer.wrap(c.bytes()));
                }
            }
        }
        connection.end();
        return this;
    }

    String client() {
        return clientPlaintext.toString(StandardCharsets.ISO_8859_1);
    }

    String server() {
        return serverPlaintext.toString(StandardCharsets.ISO_8859_1);
    }

    TlsFacts facts() {
        return connection.facts();
    }
}
