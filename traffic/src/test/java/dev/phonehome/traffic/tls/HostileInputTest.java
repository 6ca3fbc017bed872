package dev.phonehome.traffic.tls;

import static dev.phonehome.traffic.tls.Rfc8448Trace.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Truncated, corrupted, oversized and foreign input: only coded outcomes, never an exception, never garbage. */
class HostileInputTest {
    private static final byte[] CLIENT = Rfc8448Trace.clientStream();
    private static final byte[] SERVER = Rfc8448Trace.serverStream();
    private static final byte[] DATA = Rfc8448Trace.applicationData();

    private static CapturedConnection run(TlsSecrets secrets, byte[] client, byte[] server) {
        CapturedConnection c = new CapturedConnection(secrets);
        c.connection.feed(true, 1, ByteBuffer.wrap(client));
        c.connection.feed(false, 2, ByteBuffer.wrap(server));
        c.connection.end();
        return c;
    }

    @Test
    void everyPrefixOfEitherStreamNeedsMoreBytesAndIsNeverMalformed() {
        for (int n = 0; n <= CLIENT.length + SERVER.length; n++) {
            byte[] client = n <= CLIENT.length ? Arrays.copyOf(CLIENT, n) : CLIENT;
            byte[] server = n <= CLIENT.length ? SERVER : Arrays.copyOf(SERVER, n - CLIENT.length);

            CapturedConnection c = run(Rfc8448Trace.secrets(), client, server);

            boolean cutInsideARecord = !atRecordBoundary(CLIENT, client.length) || !atRecordBoundary(SERVER, server.length);
            assertThat(c.facts().notDecrypted()).as("prefix %d", n).satisfiesAnyOf(
                    reason -> assertThat(reason).contains(NotDecryptedReason.HANDSHAKE_INCOMPLETE),
                    reason -> assertThat(cutInsideARecord).isFalse());
            assertPrefixOfData(c.clientPlaintext.toByteArray());
            assertPrefixOfData(c.serverPlaintext.toByteArray());
        }
    }

    @Property(tries = 300)
    void aFlippedByteNeverYieldsUnauthenticatedPlaintext(@ForAll @IntRange(min = 0, max = 1699) int position,
                                                         @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] client = CLIENT.clone();
        byte[] server = SERVER.clone();
        if (position < client.length) {
            client[position] ^= (byte) xor;
        } else {
            server[(position - client.length) % server.length] ^= (byte) xor;
        }

        CapturedConnection c = run(Rfc8448Trace.secrets(), client, server);

        assertPrefixOfData(c.clientPlaintext.toByteArray());
        assertPrefixOfData(c.serverPlaintext.toByteArray());
        boolean complete = Arrays.equals(c.clientPlaintext.toByteArray(), DATA) && Arrays.equals(c.serverPlaintext.toByteArray(), DATA);
        assertThat(complete || c.facts().notDecrypted().isPresent()).isTrue();
    }

    @Property(tries = 300)
    void randomBytesAreHandledWithoutExceptions(@ForAll @Size(max = 400) byte[] client, @ForAll @Size(max = 400) byte[] server) {
        CapturedConnection c = run(Rfc8448Trace.secrets(), client, server);

        assertThat(c.clientPlaintext.size() + c.serverPlaintext.size()).isZero();
        assertThat(c.facts().decrypted()).isFalse();
    }

    @Property(tries = 300)
    void randomBytesAfterAValidHelloAreHandledWithoutExceptions(@ForAll @Size(max = 600) byte[] tail) {
        byte[] client = hex(Rfc8448Trace.CLIENT_HELLO);
        byte[] server = concat(hex(Rfc8448Trace.SERVER_HELLO), tail);

        CapturedConnection c = run(Rfc8448Trace.secrets(), client, server);

        assertThat(c.serverPlaintext.size()).isZero();
        assertThat(c.facts().serverName()).contains("server");
    }

    @Test
    void wrongKeyIsDecryptFailedAndDeliversNothing() {
        KeyLogSecrets wrong = new KeyLogSecrets();
        for (String label : new String[] {TlsSecrets.CLIENT_HANDSHAKE_TRAFFIC_SECRET, TlsSecrets.SERVER_HANDSHAKE_TRAFFIC_SECRET,
                TlsSecrets.CLIENT_TRAFFIC_SECRET_0, TlsSecrets.SERVER_TRAFFIC_SECRET_0}) {
            wrong.put(label, Rfc8448Trace.clientRandom(), new byte[32]);
        }

        CapturedConnection c = run(wrong, CLIENT, SERVER);

        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.DECRYPT_FAILED);
        assertThat(c.facts().decrypted()).isFalse();
        assertThat(c.clientPlaintext.size() + c.serverPlaintext.size()).isZero();
    }

    @Test
    void missingKeysAreReportedPerClientRandom() {
        CapturedConnection c = run(TlsSecrets.none(), CLIENT, SERVER);

        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.NO_KEY_FOR_CLIENT_RANDOM);
        assertThat(c.facts().problems()).first().satisfies(p -> assertThat(p.message()).contains(c.facts().clientRandom()));
        assertThat(c.facts().serverName()).contains("server");
    }

    @Test
    void applicationSecretsAloneStillDecryptTheApplicationData() {
        KeyLogSecrets onlyApplication = new KeyLogSecrets()
                .put(TlsSecrets.CLIENT_TRAFFIC_SECRET_0, Rfc8448Trace.clientRandom(), hex(Rfc8448Trace.CLIENT_APPLICATION_SECRET))
                .put(TlsSecrets.SERVER_TRAFFIC_SECRET_0, Rfc8448Trace.clientRandom(), hex(Rfc8448Trace.SERVER_APPLICATION_SECRET));

        CapturedConnection c = run(onlyApplication, CLIENT, SERVER);

        assertThat(c.clientPlaintext.toByteArray()).isEqualTo(DATA);
        assertThat(c.serverPlaintext.toByteArray()).isEqualTo(DATA);
        assertThat(c.facts().notDecrypted()).isEmpty();
        assertThat(c.facts().serverCertificates()).isEmpty(); // they travel under the handshake keys
        assertThat(c.facts().problems()).extracting(p -> p.code()).containsOnly("tls.handshake_record_skipped");
    }

    @Test
    void wrongApplicationSecretsAloneAreDecryptFailed() {
        KeyLogSecrets wrong = new KeyLogSecrets()
                .put(TlsSecrets.CLIENT_TRAFFIC_SECRET_0, Rfc8448Trace.clientRandom(), new byte[32])
                .put(TlsSecrets.SERVER_TRAFFIC_SECRET_0, Rfc8448Trace.clientRandom(), new byte[32]);

        CapturedConnection c = run(wrong, CLIENT, SERVER);

        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.DECRYPT_FAILED);
        assertThat(c.clientPlaintext.size() + c.serverPlaintext.size()).isZero();
    }

    @Test
    void secretOfTheWrongLengthIsInvalidSecret() {
        KeyLogSecrets shortSecret = new KeyLogSecrets()
                .put(TlsSecrets.SERVER_HANDSHAKE_TRAFFIC_SECRET, Rfc8448Trace.clientRandom(), new byte[5]);

        CapturedConnection c = run(shortSecret, hex(Rfc8448Trace.CLIENT_HELLO), SERVER);

        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.INVALID_SECRET);
    }

    @Test
    void oversizedRecordIsMalformed() {
        byte[] server = concat(hex(Rfc8448Trace.SERVER_HELLO), hex("1703034801"));

        CapturedConnection c = run(Rfc8448Trace.secrets(), hex(Rfc8448Trace.CLIENT_HELLO), server);

        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.MALFORMED);
        assertThat(c.facts().problems()).first().satisfies(p -> assertThat(p.message()).contains("18432"));
    }

    @Test
    void handshakeMessageAboveTheLimitIsMalformedBeforeItIsBuffered() {
        byte[] server = hex("1603030004" + "02ffffff");

        CapturedConnection c = run(Rfc8448Trace.secrets(), hex(Rfc8448Trace.CLIENT_HELLO), server);

        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.MALFORMED);
    }

    @Test
    void clientWaitingForAServerThatNeverAnswersIsBounded() {
        CapturedConnection c = new CapturedConnection(Rfc8448Trace.secrets());
        c.connection.feed(true, 0, ByteBuffer.wrap(hex(Rfc8448Trace.CLIENT_HELLO)));
        byte[] record = concat(hex("1703034000"), new byte[0x4000]);
        for (int i = 0; i < 100; i++) {
            c.connection.feed(true, i, ByteBuffer.wrap(record));
        }

        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.HANDSHAKE_INCOMPLETE);
    }

    @Test
    void unparseableCertificateKeepsItsFingerprint() {
        CertificateInfo info = CertificateInfo.of(new byte[] {0x30, 0x03, 0x02, 0x01});

        assertThat(info.parsed()).isFalse();
        assertThat(info.sha256()).hasSize(64);
    }

    @Test
    void httpIsNotTls() {
        byte[] http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        CapturedConnection c = run(Rfc8448Trace.secrets(), http, new byte[0]);

        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.NOT_TLS);
        assertThat(TlsConnection.looksLikeTls(ByteBuffer.wrap(http))).isFalse();
        assertThat(TlsConnection.looksLikeTls(ByteBuffer.wrap(CLIENT))).isTrue();
    }

    @Test
    void sslv2CompatibleHelloIsRecognised() {
        // SSLv2 record header (2 bytes, high bit set), CLIENT-HELLO, version 3.1, then lengths and data
        byte[] hello = hex("802e0103010015000000100000390000380000350000330000320000040000050000" + "0a0102030405060708090a0b0c0d0e0f10");

        CapturedConnection c = run(Rfc8448Trace.secrets(), hello, new byte[0]);

        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.SSL2_CLIENT_HELLO);
        assertThat(TlsConnection.looksLikeTls(ByteBuffer.wrap(hello))).isTrue();
    }

    @Test
    void gapInTheServerStreamIsGapInStream() {
        CapturedConnection c = new CapturedConnection(Rfc8448Trace.secrets());
        c.connection.feed(true, 0, ByteBuffer.wrap(CLIENT));
        c.connection.feed(false, 0, ByteBuffer.wrap(hex(Rfc8448Trace.SERVER_HELLO)));
        c.connection.gap(false, 1400);
        c.connection.feed(false, 0, ByteBuffer.wrap(hex(Rfc8448Trace.SERVER_DATA)));
        c.connection.end();

        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.GAP_IN_STREAM);
        assertThat(c.serverPlaintext.size()).isZero();
    }

    @Test
    void unknownCipherSuiteIsUnsupportedButTheHelloIsStillReported() {
        byte[] serverHello = hex(Rfc8448Trace.SERVER_HELLO);
        serverHello[44] = 0x13;
        serverHello[45] = 0x05; // TLS_AES_128_CCM_8_SHA256

        CapturedConnection c = run(Rfc8448Trace.secrets(), CLIENT, concat(serverHello, Arrays.copyOfRange(SERVER,
                serverHello.length, SERVER.length)));

        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.UNSUPPORTED_CIPHER_SUITE);
        assertThat(c.facts().cipherSuite()).contains("0x1305");
        assertThat(c.facts().serverName()).contains("server");
        assertThat(c.clientPlaintext.size() + c.serverPlaintext.size()).isZero();
    }

    @Test
    void helloRetryRequestIsRecognisedByItsRandom() {
        byte[] serverHello = hex(Rfc8448Trace.SERVER_HELLO);
        System.arraycopy(hex("cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c"), 0, serverHello, 11, 32);

        CapturedConnection c = run(Rfc8448Trace.secrets(), hex(Rfc8448Trace.CLIENT_HELLO), serverHello);

        assertThat(c.facts().helloRetryRequest()).isTrue();
        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.HANDSHAKE_INCOMPLETE);
    }

    @Test
    void everyPrefixOfTheQuicInitialIsEmptyAndNeverThrows() {
        byte[] packet = hex(Rfc9001Vectors.CLIENT_INITIAL);
        for (int n = 0; n < packet.length; n++) {
            assertThat(QuicInitial.parse(ByteBuffer.wrap(packet, 0, n))).as("prefix %d", n).isEmpty();
        }
        assertThat(QuicInitial.parse(ByteBuffer.wrap(packet))).isPresent();
    }

    @Property(tries = 300)
    void flippedQuicBytesNeverThrow(@ForAll @IntRange(min = 0, max = 1199) int position,
                                    @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] packet = hex(Rfc9001Vectors.CLIENT_INITIAL);
        packet[position] ^= (byte) xor;

        // Header bytes are authenticated, the payload too: a flip either loses the hello or leaves it intact.
        QuicInitial.parse(ByteBuffer.wrap(packet))
                .ifPresent(info -> assertThat(info.serverName()).contains("example.com"));
    }

    @Property(tries = 300)
    void randomDatagramsNeverThrow(@ForAll @Size(max = 1300) byte[] datagram) {
        assertThat(QuicInitial.parse(ByteBuffer.wrap(datagram))).isEmpty();
    }

    private static boolean atRecordBoundary(byte[] stream, int offset) {
        int pos = 0;
        while (pos < offset) {
            pos += 5 + (((stream[pos + 3] & 0xFF) << 8) | (stream[pos + 4] & 0xFF));
        }
        return pos == offset;
    }

    /** Authenticated decryption: whatever is delivered is the real data, possibly cut short. */
    private static void assertPrefixOfData(byte[] plaintext) {
        assertThat(plaintext.length).isLessThanOrEqualTo(DATA.length);
        assertThat(plaintext).isEqualTo(Arrays.copyOf(DATA, plaintext.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return TlsPrf.concat(a, b);
    }
}
