package dev.phonehome.traffic.tls;

import java.util.HexFormat;
import java.util.Optional;

/**
 * Turns key-log secrets into record decryptors for each direction and key epoch. A missing or
 * malformed secret marks the direction opaque with a coded reason instead.
 */
final class TrafficKeys {
    private final TlsSecrets secrets;
    private final Handshake handshake;
    private final Outcome outcome;

    TrafficKeys(TlsSecrets secrets, Handshake handshake, Outcome outcome) {
        this.secrets = secrets;
        this.handshake = handshake;
        this.outcome = outcome;
    }

    /** Keys for a direction's first protected record: TLS 1.3 handshake keys, or the TLS 1.2 session keys. */
    void installFirst(Flow f) {
        ClientHello ch = handshake.clientHello;
        if (ch == null) {
            outcome.fail(f, NotDecryptedReason.HANDSHAKE_INCOMPLETE, "no ClientHello, so no client random to look keys up by");
        } else if (handshake.tls13()) {
            String label = f.fromClient ? TlsSecrets.CLIENT_HANDSHAKE_TRAFFIC_SECRET : TlsSecrets.SERVER_HANDSHAKE_TRAFFIC_SECRET;
            if (secrets.secret(label, ch.random()).isEmpty() && hasApplicationSecret(f, ch)) {
                // Some key loggers record only the application secrets: skip the handshake epoch, keep the data.
                f.skipsHandshakeEpoch = true;
                installApplication(f);
            } else {
                install13(f, label, Flow.Epoch.HANDSHAKE);
            }
        } else if (!f.cipherActive) {
            outcome.fail(f, NotDecryptedReason.MALFORMED, "application data before ChangeCipherSpec");
        } else {
            install12(f, handshake.suite, ch, handshake.serverHello);
        }
    }

    /** TLS 1.2, a ChangeCipherSpec inside the protected connection: the renegotiated session's keys. */
    void installRenegotiated(Flow f) {
        ClientHello ch = handshake.renegotiationClientHello;
        ServerHello sh = handshake.renegotiationServerHello;
        if (ch == null || sh == null) {
            outcome.fail(f, NotDecryptedReason.RENEGOTIATION_NOT_FOLLOWED, "ChangeCipherSpec without a renegotiation handshake");
            return;
        }
        Optional<CipherSuite> suite = CipherSuites.byId(sh.cipherSuite()).filter(s -> !s.tls13());
        if (suite.isEmpty()) {
            outcome.fail(f, NotDecryptedReason.RENEGOTIATION_NOT_FOLLOWED, "renegotiated to " + CipherSuites.name(sh.cipherSuite()));
            return;
        }
        f.decryptor = null;
        install12(f, suite.get(), ch, sh);
    }

    private void install12(Flow f, CipherSuite suite, ClientHello ch, ServerHello sh) {
        lookup(f, TlsSecrets.CLIENT_RANDOM, ch.random(), Tls12Keys.MASTER_SECRET_LENGTH).ifPresent(master -> {
            boolean etm = sh.encryptThenMac() && ch.encryptThenMac() && !suite.cipher().aead();
            f.decryptor = new Tls12Keys(suite, master, ch.random(), sh.random()).decryptor(f.fromClient, etm);
            f.epoch = Flow.Epoch.APPLICATION;
        });
    }

    /** TLS 1.3, after a direction's Finished: application_traffic_secret_0. */
    void installApplication(Flow f) {
        install13(f, f.fromClient ? TlsSecrets.CLIENT_TRAFFIC_SECRET_0 : TlsSecrets.SERVER_TRAFFIC_SECRET_0,
                Flow.Epoch.APPLICATION);
    }

    private boolean hasApplicationSecret(Flow f, ClientHello ch) {
        return secrets.secret(f.fromClient ? TlsSecrets.CLIENT_TRAFFIC_SECRET_0 : TlsSecrets.SERVER_TRAFFIC_SECRET_0,
                ch.random()).isPresent();
    }

    /** The client's 0-RTT decryptor, looked up once. */
    Optional<RecordDecryptor> early(Flow f) {
        if (!f.earlyLookedUp) {
            f.earlyLookedUp = true;
            CipherSuite suite = handshake.suite;
            Optional<byte[]> secret = secrets.secret(TlsSecrets.CLIENT_EARLY_TRAFFIC_SECRET, handshake.clientHello.random())
                    .filter(s -> s.length == suite.hashLength());
            f.early = secret.map(s -> (RecordDecryptor) new Tls13Decryptor(suite, s)).orElse(null);
        }
        return Optional.ofNullable(f.early);
    }

    private void install13(Flow f, String label, Flow.Epoch epoch) {
        f.decryptor = null;
        lookup(f, label, handshake.clientHello.random(), handshake.suite.hashLength()).ifPresent(secret -> {
            f.decryptor = new Tls13Decryptor(handshake.suite, secret);
            f.epoch = epoch;
            f.keysConfirmed = false;
        });
    }

    private Optional<byte[]> lookup(Flow f, String label, byte[] random, int length) {
        Optional<byte[]> secret = secrets.secret(label, random);
        if (secret.isEmpty()) {
            outcome.fail(f, NotDecryptedReason.NO_KEY_FOR_CLIENT_RANDOM,
                    "no " + label + " for client random " + HexFormat.of().formatHex(random));
            return Optional.empty();
        }
        if (secret.get().length != length) {
            outcome.fail(f, NotDecryptedReason.INVALID_SECRET, label + " has " + secret.get().length + " bytes, expected " + length);
            return Optional.empty();
        }
        return secret;
    }
}
