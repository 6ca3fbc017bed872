package dev.phonehome.traffic.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phonehome.traffic.net.Datagram;
import dev.phonehome.traffic.net.DnsNames;
import dev.phonehome.traffic.net.Endpoint;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class QuicFlowsTest {
    static final Endpoint PHONE = endpoint("10.0.0.2", 50000);
    static final Endpoint SERVER = endpoint("198.51.100.9", 443);

    @Test
    void clientInitialNamesTheServerAndOneRttIsMarkedNotDecrypted() throws Exception {
        QuicFlows quic = new QuicFlows(new AppNames(() -> Map.of(10123, "com.example.app")));
        byte[] initial = HexFormat.of().parseHex(rfc9001ClientInitial());
        assertThat(quic.offer(datagram(PHONE, SERVER, initial, 1_000_000_000L))).isEmpty();
        assertThat(quic.offer(datagram(SERVER, PHONE, new byte[] {0x40, 1, 2, 3, 4, 5}, 2_000_000_000L))).isEmpty();

        assertThat(quic.connections(new DnsNames())).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("u1");
            assertThat(c.protocol()).isEqualTo(Protocol.QUIC);
            assertThat(c.app()).contains("com.example.app");
            assertThat(c.serverName()).contains("example.com");
            assertThat(c.serverNameSource()).contains(ServerNameSource.SNI);
            assertThat(c.tls().orElseThrow().notDecrypted()).contains(TlsSummary.QUIC_NOT_DECRYPTED);
            assertThat(c.bytesFromClient()).isEqualTo(initial.length);
            assertThat(c.bytesFromServer()).isEqualTo(6);
            assertThat(c.end()).isEqualTo("1970-01-01T00:00:02Z");
        });
    }

    @Test
    void udpThatIsNotQuicIsNotAConnection() {
        QuicFlows quic = new QuicFlows(new AppNames(Map::of));
        quic.offer(datagram(PHONE, SERVER, new byte[] {(byte) 0xc0, 0, 0, 0, 9, 9, 9}, 0));
        quic.offer(datagram(PHONE, endpoint("10.0.0.1", 53), new byte[] {(byte) 0xc0, 1, 2, 3, 4, 5}, 0));
        assertThat(quic.connections(new DnsNames())).isEmpty();
    }

    /** The RFC 9001 appendix A.2 packet, kept once in the TLS package's test vectors. */
    private static String rfc9001ClientInitial() throws ReflectiveOperationException {
        Field f = Class.forName("dev.phonehome.traffic.tls.Rfc9001Vectors").getDeclaredField("CLIENT_INITIAL");
        f.setAccessible(true);
        return (String) f.get(null);
    }

    private static Datagram datagram(Endpoint from, Endpoint to, byte[] payload, long nanos) {
        return new Datagram(nanos, from, to, ByteBuffer.wrap(payload).asReadOnlyBuffer(),
                from == PHONE ? OptionalInt.of(10123) : OptionalInt.empty());
    }

    private static Endpoint endpoint(String ip, int port) {
        try {
            return new Endpoint(InetAddress.getByName(ip), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
