package dev.phonehome.traffic.tls;

import dev.phonehome.core.Problem;
import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Follows one TLS connection over its two TCP byte streams, fed incrementally in capture order,
 * and hands decrypted application data to a {@link TlsListener}. Nothing thrown escapes
 * {@link #feed}: malformed input, missing keys and failed authentication become a
 * {@link NotDecryptedReason} and coded {@link Problem}s in {@link #facts()}.
 *
 * <p>A direction may have to wait for the other one (the client's first protected record needs
 * the server's ServerHello); its records stay buffered, bounded by {@link RecordReader#MAX_BUFFERED}.
 */
public final class TlsConnection {
    static final int MAX_PROBLEMS = 32;
    static final int MAX_ALERTS = 16;
    private static final HexFormat HEX = HexFormat.of();

    private final TlsSecrets secrets;
    private final TlsListener listener;
    private final Flow client = new Flow(true);
    private final Flow server = new Flow(false);
    private ClientHello clientHello;
    private ServerHello serverHello;
    private int version;
    private int suiteId = -1;
    private CipherSuite suite;
    private boolean helloRetry;
    private boolean serverHelloDone;
    private boolean resumed;
    private String alpnSelected;
    private List<CertificateInfo> certificates = List.of();
    private boolean decrypted;
    private NotDecryptedReason reason;
    private final List<TlsAlert> alerts = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private boolean ended;

    public TlsConnection(TlsSecrets secrets, TlsListener listener) {
        this.secrets = secrets;
        this.listener = listener;
    }

    /**
     * Whether the first bytes a client sent look like a TLS handshake record (or an SSL 2.0
     * compatible ClientHello). Needs at least 3 bytes; does not move {@code firstClientBytes}.
     */
    public static boolean looksLikeTls(ByteBuffer firstClientBytes) {
        ByteBuffer b = firstClientBytes.duplicate();
        if (b.remaining() < 3) {
            return false;
        }
        int p = b.position();
        int first = b.get(p) & 0xFF;
        if ((first & 0x80) != 0) {
            return b.get(p + 2) == 1; // SSLv2 record header, msg_type CLIENT-HELLO
        }
        boolean header = first == TlsRecord.HANDSHAKE && b.get(p + 1) == 3 && (b.get(p + 2) & 0xFF) <= 4;
        if (!header || b.remaining() < RecordReader.HEADER_LENGTH) {
            return header;
        }
        int length = ((b.get(p + 3) & 0xFF) << 8) | (b.get(p + 4) & 0xFF);
        return length > 0 && length <= RecordReader.MAX_FRAGMENT_LENGTH;
    }

    /** Adds the next bytes of one direction; the buffer's remaining bytes are copied, not kept. */
    public void feed(boolean fromClient, long timestampNanos, ByteBuffer bytes) {
        Flow f = fromClient ? client : server;
        if (ended || f.dead || !bytes.hasRemaining()) {
            return;
        }
        f.timestamp = timestampNanos;
        if (!f.reader.append(bytes)) {
            fail(f, NotDecryptedReason.HANDSHAKE_INCOMPLETE,
                    "more than " + RecordReader.MAX_BUFFERED + " bytes buffered while waiting for the peer");
            f.dead = true;
            return;
        }
        pumpAll();
    }

    /** {@code missing} bytes of one direction were not captured: its record boundaries are lost. */
    public void gap(boolean fromClient, long missing) {
        Flow f = fromClient ? client : server;
        if (ended || f.dead) {
            return;
        }
        fail(f, NotDecryptedReason.GAP_IN_STREAM, missing + " bytes missing after byte "
                + f.reader.buffered() + " of pending data");
        f.dead = true;
        pumpAll();
    }

    /** The connection (or the capture) ended: records still waiting become HANDSHAKE_INCOMPLETE. */
    public void end() {
        if (ended) {
            return;
        }
        pumpAll();
        for (Flow f : List.of(client, server)) {
            if (!f.dead && f.reader.buffered() > 0) {
                fail(f, NotDecryptedReason.HANDSHAKE_INCOMPLETE,
                        f.reader.buffered() + " bytes left undecoded at the end of the stream");
            }
        }
        if (serverHello == null && client.started && reason == null) {
            fail(server, NotDecryptedReason.HANDSHAKE_INCOMPLETE, "no ServerHello");
        }
        ended = true;
    }

    public TlsFacts facts() {
        Optional<ClientHello> ch = Optional.ofNullable(clientHello);
        Optional<ServerHello> sh = Optional.ofNullable(serverHello);
        return new TlsFacts(
                version == 0 ? Optional.empty() : Optional.of(ServerHello.versionName(version)),
                suiteId < 0 ? Optional.empty() : Optional.of(CipherSuites.name(suiteId)),
                ch.flatMap(ClientHello::serverName),
                ch.map(ClientHello::alpn).orElse(List.of()),
                Optional.ofNullable(alpnSelected),
                ch.map(c -> HEX.formatHex(c.random())).orElse(""),
                ch.map(c -> HEX.formatHex(c.sessionId())).orElse(""),
                ch.map(c -> c.sessionTicket() || c.preSharedKey()).orElse(false),
                resumed,
                sh.map(ServerHello::extendedMasterSecret).orElse(false) && ch.map(ClientHello::extendedMasterSecret).orElse(false),
                sh.map(ServerHello::encryptThenMac).orElse(false) && ch.map(ClientHello::encryptThenMac).orElse(false),
                helloRetry,
                certificates,
                decrypted,
                Optional.ofNullable(reason),
                alerts,
                problems);
    }

    private void pumpAll() {
        boolean progress = true;
        while (progress) {
            progress = pump(client) | pump(server);
        }
    }

    /** Handles the buffered records of one direction; true if at least one was consumed. */
    private boolean pump(Flow f) {
        boolean progress = false;
        while (!f.dead) {
            if (f.fromClient && !f.started && !checkFirstClientByte(f)) {
                return progress;
            }
            Optional<TlsRecord> record;
            try {
                record = f.reader.peek();
            } catch (TlsFormatException e) {
                malformed(f, f.started ? NotDecryptedReason.MALFORMED : NotDecryptedReason.NOT_TLS, e);
                return progress;
            }
            if (record.isEmpty() || !handle(f, record.get())) {
                return progress;
            }
            f.started = true;
            f.reader.consume(record.get());
            progress = true;
        }
        return progress;
    }

    /** SSL 2.0 hellos and non-TLS protocols are told apart on the client's first byte. */
    private boolean checkFirstClientByte(Flow f) {
        if (f.reader.buffered() == 0) {
            return false;
        }
        int first = f.reader.firstByte();
        if (first == TlsRecord.HANDSHAKE) {
            return true;
        }
        NotDecryptedReason r = (first & 0x80) != 0 ? NotDecryptedReason.SSL2_CLIENT_HELLO : NotDecryptedReason.NOT_TLS;
        fail(f, r, String.format("client's first byte is 0x%02X", first));
        client.dead = true;
        server.dead = true;
        return false;
    }

    /** Handles one record; false means "wait for the other direction", the record stays buffered. */
    private boolean handle(Flow f, TlsRecord record) {
        if (record.type() == TlsRecord.HEARTBEAT) {
            return true;
        }
        if (record.type() == TlsRecord.CHANGE_CIPHER_SPEC) {
            return onChangeCipherSpec(f);
        }
        if (record.type() == TlsRecord.APPLICATION_DATA || f.cipherActive) {
            return onProtected(f, record);
        }
        if (record.type() == TlsRecord.ALERT) {
            onAlert(f, record.fragment(), false);
        } else {
            onHandshakeBytes(f, record.fragment());
        }
        return true;
    }

    private boolean onChangeCipherSpec(Flow f) {
        if (version == 0) {
            return waitForServerHello(f, "ChangeCipherSpec");
        }
        if (version == ServerHello.TLS13) {
            return true; // middlebox compatibility (RFC 8446 appendix D.4)
        }
        if (f.cipherActive) {
            fail(f, NotDecryptedReason.RENEGOTIATION_UNSUPPORTED, "second ChangeCipherSpec");
            return true;
        }
        f.cipherActive = true;
        if (!f.fromClient && !serverHelloDone) {
            resumed = true; // abbreviated handshake: no Certificate/ServerHelloDone before the server's CCS
        }
        return true;
    }

    private boolean waitForServerHello(Flow f, String what) {
        if (f.fromClient && !server.dead) {
            return false;
        }
        malformed(f, NotDecryptedReason.HANDSHAKE_INCOMPLETE,
                new TlsFormatException("TLS record", 0, what + " before any ServerHello"));
        return true;
    }

    private boolean onProtected(Flow f, TlsRecord record) {
        if (version == 0) {
            return waitForServerHello(f, "protected record");
        }
        if (f.opaque) {
            return true;
        }
        if (f.decryptor == null) {
            if (clientHello == null && !client.dead) {
                return false; // server bytes fed ahead of the client's hello
            }
            installKeys(f);
            if (f.opaque) {
                return true;
            }
        }
        Plaintext plain;
        try {
            plain = f.decryptor.open(record);
            f.keysConfirmed = true;
        } catch (GeneralSecurityException e) {
            if (f.fromClient && version == ServerHello.TLS13 && !f.keysConfirmed && clientHello.earlyData()) {
                openEarlyData(f, record);
            } else {
                fail(f, NotDecryptedReason.DECRYPT_FAILED, "record of " + record.fragment().length + " bytes: " + e.getMessage());
            }
            return true;
        }
        decrypted = true;
        onPlaintext(f, plain);
        return true;
    }

    private void onPlaintext(Flow f, Plaintext plain) {
        switch (plain.type()) {
            case TlsRecord.APPLICATION_DATA -> {
                if (plain.data().length > 0) {
                    listener.onPlaintext(f.fromClient, f.timestamp, ByteBuffer.wrap(plain.data()).asReadOnlyBuffer());
                }
            }
            case TlsRecord.HANDSHAKE -> onHandshakeBytes(f, plain.data());
            case TlsRecord.ALERT -> onAlert(f, plain.data(), true);
            default -> {
                // heartbeat or CCS inside protection: nothing to report
            }
        }
    }

    /** A client record the handshake keys cannot open, while 0-RTT was announced: try the early keys. */
    private void openEarlyData(Flow f, TlsRecord record) {
        if (!f.earlyLookedUp) {
            f.earlyLookedUp = true;
            f.early = lookup(f, TlsSecrets.CLIENT_EARLY_TRAFFIC_SECRET, suite.hashLength())
                    .map(s -> (RecordDecryptor) new Tls13Decryptor(suite, s)).orElse(null);
        }
        try {
            if (f.early == null) {
                throw new GeneralSecurityException("no " + TlsSecrets.CLIENT_EARLY_TRAFFIC_SECRET);
            }
            Plaintext plain = f.early.open(record);
            decrypted = true;
            onPlaintext(f, plain);
        } catch (GeneralSecurityException e) {
            problem("tls.early_data_not_decrypted", f, "0-RTT record of " + record.fragment().length + " bytes skipped: " + e.getMessage());
        }
    }

    private void installKeys(Flow f) {
        if (clientHello == null) {
            fail(f, NotDecryptedReason.HANDSHAKE_INCOMPLETE, "no ClientHello, so no client random to look keys up by");
            return;
        }
        if (version == ServerHello.TLS13) {
            installTls13(f, f.fromClient ? TlsSecrets.CLIENT_HANDSHAKE_TRAFFIC_SECRET : TlsSecrets.SERVER_HANDSHAKE_TRAFFIC_SECRET,
                    Flow.Epoch.HANDSHAKE);
            return;
        }
        if (!f.cipherActive) {
            fail(f, NotDecryptedReason.MALFORMED, "application data before ChangeCipherSpec");
            return;
        }
        lookup(f, TlsSecrets.CLIENT_RANDOM, Tls12Keys.MASTER_SECRET_LENGTH).ifPresent(master -> {
            boolean etm = serverHello.encryptThenMac() && !suite.cipher().aead();
            f.decryptor = new Tls12Keys(suite, master, clientHello.random(), serverHello.random()).decryptor(f.fromClient, etm);
            f.epoch = Flow.Epoch.APPLICATION;
        });
    }

    private void installTls13(Flow f, String label, Flow.Epoch epoch) {
        f.decryptor = null;
        lookup(f, label, suite.hashLength()).ifPresent(secret -> {
            f.decryptor = new Tls13Decryptor(suite, secret);
            f.epoch = epoch;
            f.keysConfirmed = false;
        });
    }

    /** A logged secret of the expected length; otherwise the direction is marked opaque with the reason. */
    private Optional<byte[]> lookup(Flow f, String label, int length) {
        Optional<byte[]> secret = secrets.secret(label, clientHello.random());
        if (secret.isEmpty()) {
            fail(f, NotDecryptedReason.NO_KEY_FOR_CLIENT_RANDOM, "no " + label + " for client random " + HEX.formatHex(clientHello.random()));
            return Optional.empty();
        }
        if (secret.get().length != length) {
            fail(f, NotDecryptedReason.INVALID_SECRET, label + " has " + secret.get().length + " bytes, expected " + length);
            return Optional.empty();
        }
        return secret;
    }

    private void onAlert(Flow f, byte[] data, boolean encrypted) {
        if (data.length >= 2 && alerts.size() < MAX_ALERTS) {
            alerts.add(new TlsAlert(f.fromClient, data[0] & 0xFF, data[1] & 0xFF, encrypted));
        }
    }

    private void onHandshakeBytes(Flow f, byte[] data) {
        try {
            for (HandshakeMessage m : f.handshake.add(data)) {
                onHandshake(f, m);
                if (f.dead) {
                    return;
                }
            }
        } catch (TlsFormatException e) {
            malformed(f, NotDecryptedReason.MALFORMED, e);
        }
    }

    private void onHandshake(Flow f, HandshakeMessage m) throws TlsFormatException {
        switch (m.type()) {
            case HandshakeMessage.CLIENT_HELLO -> {
                if (f.fromClient && clientHello == null) {
                    clientHello = ClientHello.parse(m.body());
                } else if (f.fromClient && helloRetry && serverHello == null) {
                    ClientHello.parse(m.body()); // the retried hello keeps the first one's random
                } else if (f.fromClient) {
                    problem("tls.renegotiation", f, "a further ClientHello is not followed");
                }
            }
            case HandshakeMessage.SERVER_HELLO -> {
                if (!f.fromClient && serverHello == null) {
                    onServerHello(ServerHello.parse(m.body()));
                }
            }
            case HandshakeMessage.ENCRYPTED_EXTENSIONS -> {
                if (!f.fromClient) {
                    alpnSelected = encryptedExtensionsAlpn(m.body());
                }
            }
            case HandshakeMessage.CERTIFICATE -> {
                if (!f.fromClient && certificates.isEmpty()) {
                    certificates = CertificateChain.parse(m.body(), version == ServerHello.TLS13);
                }
            }
            case HandshakeMessage.SERVER_HELLO_DONE -> serverHelloDone |= !f.fromClient;
            case HandshakeMessage.FINISHED -> {
                if (version == ServerHello.TLS13 && f.epoch == Flow.Epoch.HANDSHAKE) {
                    installTls13(f, f.fromClient ? TlsSecrets.CLIENT_TRAFFIC_SECRET_0 : TlsSecrets.SERVER_TRAFFIC_SECRET_0,
                            Flow.Epoch.APPLICATION);
                    if (f.decryptor == null) {
                        f.opaque = true;
                    }
                }
            }
            case HandshakeMessage.KEY_UPDATE -> {
                if (f.decryptor instanceof Tls13Decryptor current && f.epoch == Flow.Epoch.APPLICATION) {
                    f.decryptor = current.next();
                }
            }
            default -> {
                // other messages carry nothing this engine reports
            }
        }
    }

    private void onServerHello(ServerHello sh) {
        version = sh.version();
        suiteId = sh.cipherSuite();
        suite = CipherSuites.byId(suiteId).orElse(null);
        if (sh.helloRetryRequest()) {
            helloRetry = true;
            return;
        }
        serverHello = sh;
        alpnSelected = sh.alpn().orElse(alpnSelected);
        if (version == ServerHello.TLS13) {
            resumed = sh.preSharedKey();
        } else if (clientHello != null && sh.sessionId().length > 0) {
            resumed = Arrays.equals(sh.sessionId(), clientHello.sessionId());
        }
        if (version != ServerHello.TLS12 && version != ServerHello.TLS13) {
            failBoth(NotDecryptedReason.UNSUPPORTED_VERSION, ServerHello.versionName(version) + " negotiated");
        } else if (suite == null || suite.tls13() != (version == ServerHello.TLS13)) {
            failBoth(NotDecryptedReason.UNSUPPORTED_CIPHER_SUITE, CipherSuites.name(suiteId) + " with " + ServerHello.versionName(version));
        }
    }

    private static String encryptedExtensionsAlpn(byte[] body) throws TlsFormatException {
        String[] alpn = {null};
        try {
            Extensions.forEach(ByteCursor.bigEndian(body, "TLS EncryptedExtensions"), (type, ext) -> {
                if (type == Extensions.ALPN) {
                    alpn[0] = ServerHello.firstOrNull(Extensions.alpn(ext));
                }
            });
        } catch (FormatException e) {
            throw TlsFormatException.of(e);
        }
        return alpn[0];
    }

    private void failBoth(NotDecryptedReason r, String detail) {
        fail(server, r, detail);
        client.opaque = true;
    }

    private void malformed(Flow f, NotDecryptedReason r, TlsFormatException e) {
        fail(f, r, e.getMessage());
        f.dead = true;
    }

    private void fail(Flow f, NotDecryptedReason r, String detail) {
        if (reason == null) {
            reason = r;
        }
        f.opaque = true;
        problem(r.code(), f, detail);
    }

    private void problem(String code, Flow f, String detail) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(code, f.side(), detail));
        }
    }
}
