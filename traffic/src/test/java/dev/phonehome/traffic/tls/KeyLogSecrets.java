package dev.phonehome.traffic.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** Test-only NSS key-log reader ("LABEL client_random_hex secret_hex" lines); production uses capture.KeyLog. */
final class KeyLogSecrets implements TlsSecrets {
    private static final HexFormat HEX = HexFormat.of();
    private final Map<String, byte[]> secrets = new HashMap<>();

    static KeyLogSecrets read(Path file) throws IOException {
        KeyLogSecrets log = new KeyLogSecrets();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3 && !parts[0].startsWith("#")) {
                log.put(parts[0], HEX.parseHex(parts[1]), HEX.parseHex(parts[2]));
            }
        }
        return log;
    }

    KeyLogSecrets put(String label, byte[] clientRandom, byte[] secret) {
        secrets.put(label + " " + HEX.formatHex(clientRandom), secret);
        return this;
    }

    int size() {
        return secrets.size();
    }

    @Override
    public Optional<byte[]> secret(String label, byte[] clientRandom) {
        return Optional.ofNullable(secrets.get(label + " " + HEX.formatHex(clientRandom)));
    }
}
