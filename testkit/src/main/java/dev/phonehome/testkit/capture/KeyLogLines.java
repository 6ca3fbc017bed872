package dev.phonehome.testkit.capture;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsSecret;

/** NSS key log lines (the format of SSLKEYLOGFILE) for the secrets of one connection. */
final class KeyLogLines {
    private static final HexFormat HEX = HexFormat.of();
    private final List<String> lines = new ArrayList<>();

    /** TLS 1.3 handshake traffic secrets, current while the server's encrypted extensions are read. */
    void handshakeSecrets(TlsCrypto crypto, SecurityParameters p) {
        add("CLIENT_HANDSHAKE_TRAFFIC_SECRET", p, copy(crypto, p.getTrafficSecretClient()));
        add("SERVER_HANDSHAKE_TRAFFIC_SECRET", p, copy(crypto, p.getTrafficSecretServer()));
    }

    /** TLS 1.3 first application traffic secrets, or the TLS 1.2 master secret, once the handshake is complete. */
    void connectionSecrets(TlsCrypto crypto, SecurityParameters p, boolean tls13) {
        if (tls13) {
            add("CLIENT_TRAFFIC_SECRET_0", p, copy(crypto, p.getTrafficSecretClient()));
            add("SERVER_TRAFFIC_SECRET_0", p, copy(crypto, p.getTrafficSecretServer()));
            add("EXPORTER_SECRET", p, copy(crypto, p.getExporterMasterSecret()));
        } else {
            add("CLIENT_RANDOM", p, copy(crypto, p.getMasterSecret()));
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    private void add(String label, SecurityParameters p, byte[] secret) {
        lines.add(label + " " + HEX.formatHex(p.getClientRandom()) + " " + HEX.formatHex(secret));
    }

    /** {@link TlsSecret#extract()} destroys the secret the connection still needs, so a copy is extracted. */
    private static byte[] copy(TlsCrypto crypto, TlsSecret secret) {
        return crypto.adoptSecret(secret).extract();
    }
}
