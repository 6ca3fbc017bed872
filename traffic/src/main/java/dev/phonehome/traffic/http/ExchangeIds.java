package dev.phonehome.traffic.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable exchange identifiers: the same capture always yields the same ids, across runs and machines. */
final class ExchangeIds {
    private static final int ID_BYTES = 12;

    private ExchangeIds() {
    }

    static String of(String connectionKey, long sequence) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((connectionKey + "#" + sequence).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, ID_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
