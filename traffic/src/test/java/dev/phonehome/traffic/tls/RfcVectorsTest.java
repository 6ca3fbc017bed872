package dev.phonehome.traffic.tls;

import static dev.phonehome.traffic.tls.Rfc8448Trace.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Published test vectors: RFC 5246 PRF (TLS WG list), RFC 8448 section 3, RFC 9001 appendix A. */
class RfcVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void tls12PrfSha256MatchesThePublishedVector() {
        byte[] out = TlsPrf.prf("HmacSHA256", hex("9bbe436ba940f017b17652849a71db35"), "test label",
                hex("a0ba9f936cda311827a6f796ffd5198c"), 100);

        assertThat(HEX.formatHex(out)).isEqualTo("e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
                + "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
                + "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701" + "87347b66");
    }

    @Test
    void hkdfExpandLabelGivesRfc8448TrafficKeys() {
        Hkdf hkdf = Hkdf.sha256();
        byte[] serverHandshake = hex(Rfc8448Trace.SERVER_HANDSHAKE_SECRET);
        byte[] clientApplication = hex(Rfc8448Trace.CLIENT_APPLICATION_SECRET);

        assertThat(HEX.formatHex(hkdf.expandLabel(serverHandshake, "key", new byte[0], 16)))
                .isEqualTo("3fce516009c21727d0f2e4e86ee403bc");
        assertThat(HEX.formatHex(hkdf.expandLabel(serverHandshake, "iv", new byte[0], 12)))
                .isEqualTo("5d313eb2671276ee13000b30");
        assertThat(HEX.formatHex(hkdf.expandLabel(clientApplication, "key", new byte[0], 16)))
                .isEqualTo("17422dda596ed5d9acd890e3c63f5051");
        assertThat(HEX.formatHex(hkdf.expandLabel(clientApplication, "iv", new byte[0], 12)))
                .isEqualTo("5b78923dee08579033e523d9");
    }

    @Test
    void rfc8448SimpleHandshakeIsDecryptedEndToEnd() {
        CapturedConnection c = new CapturedConnection(Rfc8448Trace.secrets());
        TlsConnection conn = c.connection;
        String[][] wire = {
            {"c", Rfc8448Trace.CLIENT_HELLO}, {"s", Rfc8448Trace.SERVER_HELLO}, {"s", Rfc8448Trace.SERVER_FLIGHT},
            {"c", Rfc8448Trace.CLIENT_FINISHED}, {"s", Rfc8448Trace.SERVER_TICKET}, {"c", Rfc8448Trace.CLIENT_DATA},
            {"s", Rfc8448Trace.SERVER_DATA}, {"c", Rfc8448Trace.CLIENT_ALERT}, {"s", Rfc8448Trace.SERVER_ALERT},
        };
        long t = 0;
        for (String[] record : wire) {
            conn.feed(record[0].equals("c"), t++, ByteBuffer.wrap(hex(record[1])));
        }
        conn.end();

        assertThat(c.clientPlaintext.toByteArray()).isEqualTo(Rfc8448Trace.applicationData());
        assertThat(c.serverPlaintext.toByteArray()).isEqualTo(Rfc8448Trace.applicationData());
        TlsFacts facts = conn.facts();
        assertThat(facts.notDecrypted()).isEmpty();
        assertThat(facts.version()).contains("TLS 1.3");
        assertThat(facts.cipherSuite()).contains("TLS_AES_128_GCM_SHA256");
        assertThat(facts.serverName()).contains("server");
        assertThat(facts.clientHello()).hasValueSatisfying(ch -> {
            assertThat(ch.cipherSuites()).containsExactly(0x1301, 0x1303, 0x1302);
            assertThat(ch.supportedVersions()).containsExactly(0x0304);
            assertThat(ch.keyShareGroups()).containsExactly(0x001d);
        });
        assertThat(facts.clientRandom()).isEqualTo(HEX.formatHex(Rfc8448Trace.clientRandom()));
        assertThat(facts.serverCertificates()).singleElement()
                .satisfies(cert -> assertThat(cert.subject()).isEqualTo("CN=rsa"));
        assertThat(facts.alerts()).containsExactly(new TlsAlert(true, 1, 0, true), new TlsAlert(false, 1, 0, true));
    }

    @Test
    void rfc8448RecordsFedOneByteAtATimeGiveTheSamePlaintext() {
        CapturedConnection c = new CapturedConnection(Rfc8448Trace.secrets());
        byte[] client = Rfc8448Trace.clientStream();
        byte[] server = Rfc8448Trace.serverStream();
        for (int i = 0; i < Math.max(client.length, server.length); i++) {
            if (i < client.length) {
                c.connection.feed(true, i, ByteBuffer.wrap(client, i, 1));
            }
            if (i < server.length) {
                c.connection.feed(false, i, ByteBuffer.wrap(server, i, 1));
            }
        }
        c.connection.end();

        assertThat(c.clientPlaintext.toByteArray()).isEqualTo(Rfc8448Trace.applicationData());
        assertThat(c.serverPlaintext.toByteArray()).isEqualTo(Rfc8448Trace.applicationData());
        assertThat(c.facts().notDecrypted()).isEmpty();
    }

    @Test
    void rfc9001ClientInitialRevealsTheClientHello() {
        QuicClientHelloInfo info = QuicInitial.parse(ByteBuffer.wrap(hex(Rfc9001Vectors.CLIENT_INITIAL))).orElseThrow();

        assertThat(info.version()).isEqualTo(1);
        assertThat(info.dcid()).isEqualTo("8394c8f03e515708");
        assertThat(info.serverName()).contains("example.com");
        assertThat(info.alpn()).containsExactly("alpn");
        assertThat(info.clientRandom()).isEqualTo("ebf8fa56f12939b9584a3896472ec40bb863cfd3e86804fe3a47f06a2b69484c");
    }

    @Test
    void rfc9369Version2ClientInitialRevealsTheClientHello() {
        QuicClientHelloInfo info = QuicInitial.parse(ByteBuffer.wrap(hex(Rfc9001Vectors.CLIENT_INITIAL_V2))).orElseThrow();

        assertThat(info.version()).isEqualTo(0x6b3343cfL);
        assertThat(info.serverName()).contains("example.com");
    }

    @Test
    void rfc9001ServerInitialIsNotAClientHello() {
        assertThat(QuicInitial.parse(ByteBuffer.wrap(hex(Rfc9001Vectors.SERVER_INITIAL)))).isEmpty();
    }

    @Test
    void quicInitialKeysMatchRfc9001() {
        QuicInitialKeys keys = new QuicInitialKeys(QuicInitialKeys.VERSION_1, hex("8394c8f03e515708"));

        assertThat(HEX.formatHex(keys.iv)).isEqualTo("fa044b2f42a3fd3b46fb255c");
    }

    @Test
    void rfc8448ApplicationRecordOpensAtItsSequenceNumber() throws Exception {
        CipherSuite suite = CipherSuites.byId(0x1301).orElseThrow();
        Tls13Decryptor server = new Tls13Decryptor(suite, hex(Rfc8448Trace.SERVER_APPLICATION_SECRET));
        byte[] ticket = hex(Rfc8448Trace.SERVER_TICKET);
        byte[] data = hex(Rfc8448Trace.SERVER_DATA);

        Plaintext first = server.open(new TlsRecord(23, 0x0303, java.util.Arrays.copyOfRange(ticket, 5, ticket.length)));
        Plaintext second = server.open(new TlsRecord(23, 0x0303, java.util.Arrays.copyOfRange(data, 5, data.length)));

        assertThat(first.type()).isEqualTo(TlsRecord.HANDSHAKE);
        assertThat(first.data()[0]).isEqualTo((byte) HandshakeMessage.NEW_SESSION_TICKET);
        assertThat(second.type()).isEqualTo(TlsRecord.APPLICATION_DATA);
        assertThat(second.data()).isEqualTo(Rfc8448Trace.applicationData());
    }
}
