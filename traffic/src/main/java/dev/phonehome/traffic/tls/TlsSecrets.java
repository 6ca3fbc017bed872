package dev.phonehome.traffic.tls;

import java.util.Optional;

/**
 * Where decryption secrets come from: a key log in NSS format (SSLKEYLOGFILE), a pcapng
 * Decryption Secrets Block, or a test. Lookups are by NSS label and the 32-byte client random.
 */
@FunctionalInterface
public interface TlsSecrets {
    /** TLS 1.2 and below: the 48-byte master secret. */
    String CLIENT_RANDOM = "CLIENT_RANDOM";
    String CLIENT_EARLY_TRAFFIC_SECRET = "CLIENT_EARLY_TRAFFIC_SECRET";
    String CLIENT_HANDSHAKE_TRAFFIC_SECRET = "CLIENT_HANDSHAKE_TRAFFIC_SECRET";
    String SERVER_HANDSHAKE_TRAFFIC_SECRET = "SERVER_HANDSHAKE_TRAFFIC_SECRET";
    String CLIENT_TRAFFIC_SECRET_0 = "CLIENT_TRAFFIC_SECRET_0";
    String SERVER_TRAFFIC_SECRET_0 = "SERVER_TRAFFIC_SECRET_0";

    /** The secret logged under {@code label} for the connection with {@code clientRandom}, if any. */
    Optional<byte[]> secret(String label, byte[] clientRandom);

    /** No secrets at all: handshakes are still parsed, nothing is decrypted. */
    static TlsSecrets none() {
        return (label, clientRandom) -> Optional.empty();
    }
}
