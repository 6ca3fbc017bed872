package dev.phonehome.testkit.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsPairTest {
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void tls13LogsHandshakeAndTrafficSecretsUnderOneClientRandom() {
        TlsPair tls = TlsPair.handshake("a.example", TlsVersion.TLS_1_3, "http/1.1");
        List<String[]> lines = tls.keyLog().stream().map(l -> l.split(" ")).toList();
        assertThat(lines).extracting(l -> l[0]).containsExactly("CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                "SERVER_HANDSHAKE_TRAFFIC_SECRET", "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0", "EXPORTER_SECRET");
        assertThat(lines).extracting(l -> l[1]).containsOnly(lines.get(0)[1]);
        assertThat(lines).allSatisfy(l -> assertThat(l[2]).matches("[0-9a-f]{64}"));
        assertThat(lines.get(0)[2]).isNotEqualTo(lines.get(2)[2]);
        assertThat(tls.alpn()).isEqualTo("http/1.1");
    }

    @Test
    void tls12LogsTheMasterSecretAndNegotiatesEcdheEcdsaAesGcm() {
        TlsPair tls = TlsPair.handshake("b.example", TlsVersion.TLS_1_2, "h2");
        assertThat(tls.keyLog()).singleElement().asString().matches("CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}");
        byte[] serverHello = tls.flights().get(1).bytes();
        assertThat(serverHello[0]).isEqualTo((byte) 22);
        // ServerHello body: version, random (32), session id, then the suite ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.
        int suite = 5 + 4 + 2 + 32 + 1 + (serverHello[5 + 4 + 2 + 32] & 0xFF);
        assertThat(new byte[] {serverHello[suite], serverHello[suite + 1]}).containsExactly(0xC0, 0x2B);
        assertThat(tls.alpn()).isEqualTo("h2");
    }

    @Test
    void applicationDataCrossesInBothDirectionsAndClosesWithAlerts() {
        TlsPair tls = TlsPair.handshake("c.example", TlsVersion.TLS_1_2, "http/1.1");
        int before = tls.flights().size();
        assertThat(tls.clientSends(REQUEST)).isEqualTo(REQUEST);
        assertThat(tls.serverSends(new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
        tls.close();
        List<Flight> flights = tls.flights();
        assertThat(flights.subList(before, before + 2)).extracting(Flight::fromClient).containsExactly(true, false);
        assertThat(flights.get(before).bytes()[0]).as("application data record").isEqualTo((byte) 23);
        assertThat(flights.get(flights.size() - 1).bytes()[0]).as("close_notify alert record").isEqualTo((byte) 21);
        assertThat(flights.get(flights.size() - 2).fromClient()).isTrue();
    }

    @Test
    void sameHostSameBytesOtherHostOtherBytes() {
        List<Flight> first = TlsPair.handshake("d.example", TlsVersion.TLS_1_3, "h2").flights();
        List<Flight> again = TlsPair.handshake("d.example", TlsVersion.TLS_1_3, "h2").flights();
        List<Flight> other = TlsPair.handshake("e.example", TlsVersion.TLS_1_3, "h2").flights();
        assertThat(again).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i).bytes()).isEqualTo(first.get(i).bytes());
        }
        assertThat(other.get(0).bytes()).isNotEqualTo(first.get(0).bytes());
    }
}
