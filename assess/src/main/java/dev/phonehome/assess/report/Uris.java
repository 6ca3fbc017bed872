package dev.phonehome.assess.report;

import java.nio.charset.StandardCharsets;

/**
 * Relative URI references for firmware paths, percent-encoding what a URI cannot hold (and
 * {@code :}, so no first segment reads as a scheme).
 */
final class Uris {
    private static final String SAFE = "-._~/!$'()*+,;=@";

    private Uris() {
    }

    static String relative(String path) {
        StringBuilder b = new StringBuilder();
        for (byte by : path.getBytes(StandardCharsets.UTF_8)) {
            int c = by & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || SAFE.indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }
}
