package dev.phonehome.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable identifiers: hex prefixes of SHA-256 digests of what they name, so the same input
 * gives the same ids on every run and machine (finding fingerprints, exchange ids).
 */
public final class Digests {
    private Digests() {
    }

    /** The first {@code bytes} bytes of SHA-256({@code text} as UTF-8), in lower-case hex. */
    public static String sha256Hex(String text, int bytes) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)), 0, bytes);
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
