package dev.phonehome.traffic.tls;

import static dev.phonehome.traffic.tls.Rfc8448Trace.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Record framing variations of the RFC 8448 trace that real stacks produce. */
class RecordLayerTest {
    private static final byte[] DATA = Rfc8448Trace.applicationData();

    @Test
    void handshakeMessagesSplitAcrossRecordsAreReassembled() {
        byte[] client = TlsPrf.concat(split(hex(Rfc8448Trace.CLIENT_HELLO), 3),
                hex(Rfc8448Trace.CLIENT_FINISHED + Rfc8448Trace.CLIENT_DATA));
        byte[] server = TlsPrf.concat(split(hex(Rfc8448Trace.SERVER_HELLO), 2),
                hex(Rfc8448Trace.SERVER_FLIGHT + Rfc8448Trace.SERVER_TICKET + Rfc8448Trace.SERVER_DATA));

        CapturedConnection c = run(client, server);

        assertThat(c.clientPlaintext.toByteArray()).isEqualTo(DATA);
        assertThat(c.serverPlaintext.toByteArray()).isEqualTo(DATA);
        assertThat(c.facts().serverName()).contains("server");
    }

    @Test
    void middleboxCompatibilityChangeCipherSpecIsSkipped() {
        String ccs = "140303000101";
        byte[] client = hex(Rfc8448Trace.CLIENT_HELLO + ccs + Rfc8448Trace.CLIENT_FINISHED + Rfc8448Trace.CLIENT_DATA);
        byte[] server = hex(Rfc8448Trace.SERVER_HELLO + ccs + Rfc8448Trace.SERVER_FLIGHT + Rfc8448Trace.SERVER_TICKET
                + Rfc8448Trace.SERVER_DATA);

        CapturedConnection c = run(client, server);

        assertThat(c.clientPlaintext.toByteArray()).isEqualTo(DATA);
        assertThat(c.serverPlaintext.toByteArray()).isEqualTo(DATA);
        assertThat(c.facts().problems()).isEmpty();
    }

    @Test
    void plaintextCarriesTheTimestampOfTheChunkThatCompletedItsRecord() {
        List<Long> stamps = new ArrayList<>();
        TlsConnection conn = new TlsConnection(Rfc8448Trace.secrets(), (fromClient, nanos, plaintext) -> {
            if (fromClient) {
                stamps.add(nanos);
            }
        });
        byte[] data = hex(Rfc8448Trace.CLIENT_DATA);
        conn.feed(true, 10, ByteBuffer.wrap(hex(Rfc8448Trace.CLIENT_HELLO)));
        conn.feed(false, 20, ByteBuffer.wrap(hex(Rfc8448Trace.SERVER_HELLO + Rfc8448Trace.SERVER_FLIGHT)));
        conn.feed(true, 30, ByteBuffer.wrap(hex(Rfc8448Trace.CLIENT_FINISHED)));
        conn.feed(true, 40, ByteBuffer.wrap(data, 0, 30));
        conn.feed(true, 50, ByteBuffer.wrap(data, 30, data.length - 30));

        assertThat(stamps).containsExactly(50L);
    }

    @Test
    void heartbeatRecordsAreIgnored() {
        String heartbeat = "1803030003010000";
        CapturedConnection c = run(hex(Rfc8448Trace.CLIENT_HELLO + heartbeat + Rfc8448Trace.CLIENT_FINISHED
                + Rfc8448Trace.CLIENT_DATA), Rfc8448Trace.serverStream());

        assertThat(c.clientPlaintext.toByteArray()).isEqualTo(DATA);
        assertThat(c.facts().notDecrypted()).isEmpty();
    }

    private static CapturedConnection run(byte[] client, byte[] server) {
        CapturedConnection c = new CapturedConnection(Rfc8448Trace.secrets());
        c.connection.feed(true, 0, ByteBuffer.wrap(client));
        c.connection.feed(false, 0, ByteBuffer.wrap(server));
        c.connection.end();
        return c;
    }

    /** Re-frames one plaintext record into {@code parts} records of about equal size. */
    private static byte[] split(byte[] record, int parts) {
        byte[] body = Arrays.copyOfRange(record, 5, record.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int step = (body.length + parts - 1) / parts;
        for (int off = 0; off < body.length; off += step) {
            int n = Math.min(step, body.length - off);
            out.writeBytes(new byte[] {record[0], record[1], record[2], (byte) (n >>> 8), (byte) n});
            out.write(body, off, n);
        }
        return out.toByteArray();
    }
}
