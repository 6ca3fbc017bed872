package dev.phonehome.traffic.tls;

import dev.phonehome.core.io.ByteCursor;
import dev.phonehome.core.io.FormatException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** What the handshake messages of both directions established, in the order they were read. */
final class Handshake {
    private static final HexFormat HEX = HexFormat.of();

    /** Negotiated parameters this engine cannot decrypt. */
    record Refusal(NotDecryptedReason reason, String detail) {
    }

    ClientHello clientHello;
    /** The final ServerHello; a HelloRetryRequest only sets {@link #version} and the suite. */
    ServerHello serverHello;
    /** TLS 1.2 renegotiation: the hellos of the newest handshake run inside the protected connection. */
    ClientHello renegotiationClientHello;
    ServerHello renegotiationServerHello;
    int version;
    CipherSuite suite;
    private int suiteId = -1;
    private boolean helloRetry;
    private boolean serverHelloDone;
    private boolean resumed;
    private String alpnSelected;
    private List<CertificateInfo> certificates = List.of();

    boolean negotiated() {
        return version != 0;
    }

    boolean tls13() {
        return version == ServerHello.TLS13;
    }

    /** Updates the state from one message; returns why the negotiated parameters cannot be decrypted, if so. */
    Optional<Refusal> onMessage(Flow f, HandshakeMessage m) throws TlsFormatException {
        switch (m.type()) {
            case HandshakeMessage.CLIENT_HELLO -> {
                if (f.fromClient && clientHello == null) {
                    clientHello = ClientHello.parse(m.body());
                } else if (f.fromClient && helloRetry && serverHello == null) {
                    ClientHello.parse(m.body()); // the retried hello keeps the first one's random
                } else if (f.fromClient) {
                    renegotiationClientHello = ClientHello.parse(m.body());
                    renegotiationServerHello = null;
                }
            }
            case HandshakeMessage.SERVER_HELLO -> {
                if (!f.fromClient && serverHello == null) {
                    return onServerHello(ServerHello.parse(m.body()));
                } else if (!f.fromClient && renegotiationClientHello != null) {
                    renegotiationServerHello = ServerHello.parse(m.body());
                }
            }
            case HandshakeMessage.ENCRYPTED_EXTENSIONS -> {
                if (!f.fromClient) {
                    alpnSelected = encryptedExtensionsAlpn(m.body());
                }
            }
            case HandshakeMessage.CERTIFICATE -> {
                if (!f.fromClient && certificates.isEmpty()) {
                    certificates = CertificateChain.parse(m.body(), tls13());
                }
            }
            case HandshakeMessage.SERVER_HELLO_DONE -> serverHelloDone |= !f.fromClient;
            default -> {
                // other messages carry nothing reported here
            }
        }
        return Optional.empty();
    }

    /** The server's ChangeCipherSpec (TLS 1.2): without a full handshake before it, a session was resumed. */
    void onServerChangeCipherSpec() {
        resumed |= !serverHelloDone;
    }

    private Optional<Refusal> onServerHello(ServerHello sh) {
        version = sh.version();
        suiteId = sh.cipherSuite();
        suite = CipherSuites.byId(suiteId).orElse(null);
        if (sh.helloRetryRequest()) {
            helloRetry = true;
            return Optional.empty();
        }
        serverHello = sh;
        alpnSelected = sh.alpn().orElse(alpnSelected);
        if (tls13()) {
            resumed = sh.preSharedKey();
        } else if (clientHello != null && sh.sessionId().length > 0) {
            resumed = Arrays.equals(sh.sessionId(), clientHello.sessionId());
        }
        if (version != ServerHello.TLS12 && !tls13()) {
            return Optional.of(new Refusal(NotDecryptedReason.UNSUPPORTED_VERSION,
                    ServerHello.versionName(version) + " negotiated"));
        }
        if (suite == null || suite.tls13() != tls13()) {
            return Optional.of(new Refusal(NotDecryptedReason.UNSUPPORTED_CIPHER_SUITE,
                    CipherSuites.name(suiteId) + " with " + ServerHello.versionName(version)));
        }
        return Optional.empty();
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

    TlsFacts facts(Outcome outcome) {
        Optional<ClientHello> ch = Optional.ofNullable(clientHello);
        Optional<ServerHello> sh = Optional.ofNullable(serverHello);
        return new TlsFacts(
                negotiated() ? Optional.of(ServerHello.versionName(version)) : Optional.empty(),
                suiteId < 0 ? Optional.empty() : Optional.of(CipherSuites.name(suiteId)),
                ch.flatMap(ClientHello::serverName),
                ch.map(ClientHello::alpn).orElse(List.of()),
                Optional.ofNullable(alpnSelected),
                ch.map(c -> HEX.formatHex(c.random())).orElse(""),
                ch.map(c -> HEX.formatHex(c.sessionId())).orElse(""),
                ch.map(c -> c.sessionTicket() || c.preSharedKey()).orElse(false),
                resumed,
                sh.map(ServerHello::extendedMasterSecret).orElse(false)
                        && ch.map(ClientHello::extendedMasterSecret).orElse(false),
                sh.map(ServerHello::encryptThenMac).orElse(false) && ch.map(ClientHello::encryptThenMac).orElse(false),
                helloRetry,
                certificates,
                outcome.decrypted(),
                outcome.reason(),
                outcome.alerts(),
                outcome.problems(),
                ch);
    }
}
