package dev.phonehome.traffic.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decrypts real connections between curl / openssl s_client and openssl s_server on loopback,
 * recorded by {@link LoopbackRelay}, with the key log the clients wrote (SSLKEYLOGFILE / -keylogfile).
 */
class RealTrafficTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        assumeTrue(OpenSslServer.available("openssl") && OpenSslServer.available("curl"), "openssl and curl needed");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "1.2, ECDHE-RSA-AES128-GCM-SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "1.2, ECDHE-RSA-AES256-GCM-SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "1.2, ECDHE-RSA-CHACHA20-POLY1305, TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        "1.2, ECDHE-RSA-AES128-SHA, TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
        "1.2, ECDHE-RSA-AES256-SHA384, TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
        "1.2, AES256-SHA256, TLS_RSA_WITH_AES_256_CBC_SHA256",
        "1.2, AES128-GCM-SHA256, TLS_RSA_WITH_AES_128_GCM_SHA256",
        "1.2, DHE-RSA-AES256-GCM-SHA384, TLS_DHE_RSA_WITH_AES_256_GCM_SHA384",
        "1.2, DHE-RSA-CHACHA20-POLY1305, TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        "1.2, DHE-RSA-AES256-SHA256, TLS_DHE_RSA_WITH_AES_256_CBC_SHA256",
        "1.3, TLS_AES_128_GCM_SHA256, TLS_AES_128_GCM_SHA256",
        "1.3, TLS_AES_256_GCM_SHA384, TLS_AES_256_GCM_SHA384",
        "1.3, TLS_CHACHA20_POLY1305_SHA256, TLS_CHACHA20_POLY1305_SHA256",
    })
    void curlRequestAndResponseAreDecrypted(String version, String cipher, String ianaName) throws Exception {
        List<LoopbackRelay.Chunk> chunks = curl(version, cipher);
        TlsSecrets keys = KeyLogSecrets.read(dir.resolve("keys.txt"));

        CapturedConnection c = new CapturedConnection(keys).replay(chunks, Integer.MAX_VALUE);

        assertThat(c.client()).startsWith("GET /" + OpenSslServer.FILE + " HTTP/1.1\r\n");
        assertThat(c.server()).startsWith("HTTP/1.0 200 ok").endsWith(OpenSslServer.BODY);
        TlsFacts facts = c.facts();
        assertThat(facts.notDecrypted()).isEmpty();
        assertThat(facts.decrypted()).isTrue();
        assertThat(facts.version()).contains("TLS " + version);
        assertThat(facts.cipherSuite()).contains(ianaName);
        assertThat(facts.alpnOffered()).contains("http/1.1");
        assertThat(facts.resumed()).isFalse();
        if (version.equals("1.2")) {
            assertThat(facts.extendedMasterSecret()).isTrue();
            assertThat(facts.encryptThenMac()).isEqualTo(ianaName.contains("CBC"));
        }
        assertThat(facts.serverCertificates()).singleElement()
                .satisfies(cert -> {
                    assertThat(cert.parsed()).isTrue();
                    assertThat(cert.subject()).isEqualTo("CN=phonehome.test");
                    assertThat(cert.issuer()).isEqualTo("CN=phonehome.test");
                    assertThat(cert.sha256()).isEqualTo(sha256OfPem(dir.resolve("cert.pem")));
                });
    }

    private static String sha256OfPem(Path pem) throws Exception {
        java.security.cert.Certificate cert = java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(pem));
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    }

    @ParameterizedTest(name = "flipped bytes in {0} {1}")
    @CsvSource({"1.2, ECDHE-RSA-AES128-SHA", "1.2, ECDHE-RSA-AES256-SHA384", "1.2, ECDHE-RSA-AES128-GCM-SHA256",
        "1.2, ECDHE-RSA-CHACHA20-POLY1305", "1.3, TLS_CHACHA20_POLY1305_SHA256"})
    void flippedBytesInARealConnectionNeverYieldForgedPlaintext(String version, String cipher) throws Exception {
        List<LoopbackRelay.Chunk> chunks = curl(version, cipher);
        TlsSecrets keys = KeyLogSecrets.read(dir.resolve("keys.txt"));
        CapturedConnection clean = new CapturedConnection(keys).replay(chunks, Integer.MAX_VALUE);
        int total = chunks.stream().mapToInt(c -> c.bytes().length).sum();
        Random random = new Random(42);

        for (int trial = 0; trial < 300; trial++) {
            int position = random.nextInt(total);
            List<LoopbackRelay.Chunk> flipped = new ArrayList<>();
            for (LoopbackRelay.Chunk c : chunks) {
                byte[] bytes = c.bytes().clone();
                if (position >= 0 && position < bytes.length) {
                    bytes[position] ^= (byte) (1 + random.nextInt(255));
                }
                position -= bytes.length;
                flipped.add(new LoopbackRelay.Chunk(c.fromClient(), c.nanos(), bytes));
            }

            CapturedConnection c = new CapturedConnection(keys).replay(flipped, Integer.MAX_VALUE);

            assertThat(clean.client()).startsWith(c.client());
            assertThat(clean.server()).startsWith(c.server());
            if (!c.client().equals(clean.client()) || !c.server().equals(clean.server())) {
                assertThat(c.facts().notDecrypted()).isPresent();
            }
        }
    }

    @Test
    void byteAtATimeAndServerFirstFeedingGiveTheSamePlaintext() throws Exception {
        List<LoopbackRelay.Chunk> chunks = curl("1.3", "TLS_AES_128_GCM_SHA256");
        TlsSecrets keys = KeyLogSecrets.read(dir.resolve("keys.txt"));
        CapturedConnection whole = new CapturedConnection(keys).replay(chunks, Integer.MAX_VALUE);

        CapturedConnection bytewise = new CapturedConnection(keys).replay(chunks, 1);
        CapturedConnection serverFirst = new CapturedConnection(keys).replayServerFirst(chunks);

        for (CapturedConnection other : List.of(bytewise, serverFirst)) {
            assertThat(other.client()).isEqualTo(whole.client()).isNotEmpty();
            assertThat(other.server()).isEqualTo(whole.server()).isNotEmpty();
            assertThat(other.facts().notDecrypted()).isEmpty();
        }
    }

    @Test
    void tls10IsReportedAsUnsupportedVersion() throws Exception {
        List<LoopbackRelay.Chunk> chunks = curl("1.0", "DEFAULT:@SECLEVEL=0", "-cipher", "DEFAULT:@SECLEVEL=0");

        CapturedConnection c = new CapturedConnection(KeyLogSecrets.read(dir.resolve("keys.txt")))
                .replay(chunks, Integer.MAX_VALUE);

        assertThat(c.facts().version()).contains("TLS 1.0");
        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.UNSUPPORTED_VERSION);
        assertThat(c.client() + c.server()).isEmpty();
        assertThat(c.facts().serverCertificates()).hasSize(1);
    }

    @Test
    void macThenEncryptWhenTheServerRefusesEncryptThenMac() throws Exception {
        List<LoopbackRelay.Chunk> chunks = curl("1.2", "ECDHE-RSA-AES128-SHA256", "-no_etm");
        CapturedConnection c = new CapturedConnection(KeyLogSecrets.read(dir.resolve("keys.txt")))
                .replay(chunks, Integer.MAX_VALUE);

        assertThat(c.facts().encryptThenMac()).isFalse();
        assertThat(c.facts().cipherSuite()).contains("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
        assertThat(c.client()).startsWith("GET /hello.txt HTTP/1.1");
        assertThat(c.server()).endsWith(OpenSslServer.BODY);
    }

    @Test
    void withoutKeysTheHandshakeIsStillReportedAndNothingIsDecrypted() throws Exception {
        List<LoopbackRelay.Chunk> chunks = curl("1.2", "ECDHE-RSA-AES128-GCM-SHA256");

        CapturedConnection c = new CapturedConnection(TlsSecrets.none()).replay(chunks, 100);

        assertThat(c.client()).isEmpty();
        assertThat(c.server()).isEmpty();
        assertThat(c.facts().notDecrypted()).contains(NotDecryptedReason.NO_KEY_FOR_CLIENT_RANDOM);
        assertThat(c.facts().decrypted()).isFalse();
        assertThat(c.facts().serverName()).isEmpty(); // curl sends no SNI for an IP address
        assertThat(c.facts().serverCertificates()).hasSize(1);
    }

    @ParameterizedTest(name = "TLS 1.2 resumption, tickets={0}")
    @CsvSource({"true", "false"})
    void resumedTls12SessionIsDecrypted(boolean tickets) throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir)) {
            List<String> common = new ArrayList<>(List.of("-tls1_2", "-keylogfile", "keys.txt", "-servername", "phonehome.test"));
            if (!tickets) {
                common.add("-no_ticket");
            }
            sClient(server, common, "-sess_out", "session.pem");
            List<LoopbackRelay.Chunk> resumed = sClient(server, common, "-sess_in", "session.pem");

            CapturedConnection c = new CapturedConnection(KeyLogSecrets.read(dir.resolve("keys.txt")))
                    .replay(resumed, Integer.MAX_VALUE);

            assertThat(c.facts().resumed()).isTrue();
            assertThat(c.facts().serverCertificates()).isEmpty();
            assertThat(c.facts().sessionTicketOffered()).isEqualTo(tickets);
            assertThat(c.facts().serverName()).contains("phonehome.test");
            assertThat(c.client()).isEqualTo("GET /hello.txt HTTP/1.0\r\n\r\n");
            assertThat(c.server()).endsWith(OpenSslServer.BODY);
        }
    }

    @Test
    void renegotiatedTls12ConnectionIsFollowed() throws Exception {
        // Interactive s_client renegotiates on the line "R"; the server must allow client renegotiation.
        try (OpenSslServer server = new OpenSslServer(dir, "-client_renegotiation", "-no_resumption_on_reneg");
             LoopbackRelay relay = new LoopbackRelay(server.port())) {
            Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + relay.port(),
                    "-tls1_2", "-keylogfile", "keys.txt").directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s_client.log").toFile()).start();
            Thread.sleep(700);
            p.getOutputStream().write("R\n".getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().flush();
            Thread.sleep(700);
            p.getOutputStream().write("GET /hello.txt HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().flush();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(dir.resolve("s_client.log"))).contains("RENEGOTIATING");
            assertThat(Files.readAllLines(dir.resolve("keys.txt"))).filteredOn(l -> l.startsWith("CLIENT_RANDOM")).hasSize(2);

            CapturedConnection c = new CapturedConnection(KeyLogSecrets.read(dir.resolve("keys.txt")))
                    .replay(relay.chunks(), Integer.MAX_VALUE);

            assertThat(c.facts().notDecrypted()).isEmpty();
            assertThat(c.client()).isEqualTo("GET /hello.txt HTTP/1.0\r\n\r\n");
            assertThat(c.server()).endsWith(OpenSslServer.BODY);
        }
    }

    @ParameterizedTest(name = "ALPN over {0}")
    @CsvSource({"-tls1_2", "-tls1_3"})
    void selectedAlpnIsReadFromServerHelloOrEncryptedExtensions(String version) throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, "-alpn", "h2")) {
            List<LoopbackRelay.Chunk> chunks = sClient(server, List.of(version, "-keylogfile", "keys.txt",
                    "-alpn", "h2,http/1.1"));

            TlsFacts facts = new CapturedConnection(KeyLogSecrets.read(dir.resolve("keys.txt")))
                    .replay(chunks, Integer.MAX_VALUE).facts();

            assertThat(facts.alpnOffered()).containsExactly("h2", "http/1.1");
            assertThat(facts.alpnSelected()).contains("h2");
        }
    }

    @Test
    void resumedTls13SessionIsDecrypted() throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir)) {
            List<String> common = List.of("-tls1_3", "-keylogfile", "keys.txt");
            sClient(server, common, "-sess_out", "session.pem");
            List<LoopbackRelay.Chunk> resumed = sClient(server, common, "-sess_in", "session.pem");

            CapturedConnection c = new CapturedConnection(KeyLogSecrets.read(dir.resolve("keys.txt")))
                    .replay(resumed, Integer.MAX_VALUE);

            assertThat(c.facts().resumed()).isTrue();
            assertThat(c.facts().notDecrypted()).isEmpty();
            assertThat(c.client()).isEqualTo("GET /hello.txt HTTP/1.0\r\n\r\n");
            assertThat(c.server()).endsWith(OpenSslServer.BODY);
        }
    }

    @Test
    void keyUpdateMovesToTheNextTrafficSecret() throws Exception {
        // Interactive s_client sends a KeyUpdate (update_requested) on the line "K"; the server answers with its own.
        try (OpenSslServer server = new OpenSslServer(dir, "-tls1_3");
             LoopbackRelay relay = new LoopbackRelay(server.port())) {
            Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + relay.port(),
                    "-tls1_3", "-keylogfile", "keys.txt").directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s_client.log").toFile()).start();
            Thread.sleep(500);
            p.getOutputStream().write("K\n".getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().flush();
            Thread.sleep(500);
            p.getOutputStream().write("GET /hello.txt HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().flush();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(dir.resolve("s_client.log"))).contains("KEYUPDATE");

            CapturedConnection c = new CapturedConnection(KeyLogSecrets.read(dir.resolve("keys.txt")))
                    .replay(relay.chunks(), Integer.MAX_VALUE);

            assertThat(c.facts().notDecrypted()).isEmpty();
            assertThat(c.client()).isEqualTo("GET /hello.txt HTTP/1.0\r\n\r\n");
            assertThat(c.server()).endsWith(OpenSslServer.BODY);
        }
    }

    @Test
    void earlyDataIsDecryptedWithTheEarlyTrafficSecret() throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, false, "-early_data")) {
            Files.writeString(dir.resolve("early.txt"), "EARLY-DATA-123\n", StandardCharsets.US_ASCII);
            sClientIdle(server.port(), "-tls1_3", "-sess_out", "session.pem");
            List<LoopbackRelay.Chunk> chunks;
            try (LoopbackRelay relay = new LoopbackRelay(server.port())) {
                sClientIdle(relay.port(), "-tls1_3", "-sess_in", "session.pem", "-early_data", "early.txt",
                        "-keylogfile", "keys.txt");
                chunks = relay.chunks();
            }
            assertThat(Files.readString(dir.resolve("s_client.log"))).contains("Early data was accepted");

            CapturedConnection c = new CapturedConnection(KeyLogSecrets.read(dir.resolve("keys.txt")))
                    .replay(chunks, Integer.MAX_VALUE);

            assertThat(c.client()).isEqualTo("EARLY-DATA-123\n");
            assertThat(c.facts().resumed()).isTrue();
            assertThat(c.facts().notDecrypted()).isEmpty();
            assertThat(c.facts().problems()).isEmpty();
        }
    }

    /** s_client that sends nothing on stdin for a second (so it reads the session ticket), then quits. */
    private void sClientIdle(int port, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("s_client.log").toFile()).start();
        Thread.sleep(1000);
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private List<LoopbackRelay.Chunk> curl(String version, String cipher, String... serverArgs) throws Exception {
        try (OpenSslServer server = new OpenSslServer(dir, serverArgs);
             LoopbackRelay relay = new LoopbackRelay(server.port())) {
            List<String> cmd = new ArrayList<>(List.of("curl", "-sk", "--http1.1", "-o", "out.txt", "--max-time", "20"));
            if (version.startsWith("1.") && !version.equals("1.3")) {
                cmd.addAll(List.of("--tlsv" + version, "--tls-max", version, "--ciphers", cipher));
            } else {
                cmd.addAll(List.of("--tlsv1.3", "--tls13-ciphers", cipher));
            }
            cmd.add("https://127.0.0.1:" + relay.port() + "/" + OpenSslServer.FILE);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("curl.log").toFile());
            pb.environment().put("SSLKEYLOGFILE", dir.resolve("keys.txt").toString());
            Process p = pb.start();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("curl exit code").isZero();
            return relay.chunks();
        }
    }

    private List<LoopbackRelay.Chunk> sClient(OpenSslServer server, List<String> args, String... more) throws Exception {
        String input = "GET /hello.txt HTTP/1.0\r\n\r\n";
        try (LoopbackRelay relay = new LoopbackRelay(server.port())) {
            List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + relay.port(),
                    "-ign_eof", "-quiet"));
            cmd.addAll(args);
            cmd.addAll(List.of(more));
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s_client.log").toFile()).start();
            p.getOutputStream().write(input.getBytes(StandardCharsets.US_ASCII));
            p.getOutputStream().close();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return relay.chunks();
        }
    }

}
