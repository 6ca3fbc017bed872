package dev.phonehome.assess.report.html;

import dev.phonehome.core.Digests;

/**
 * Element ids for the page's internal links. An id is made from a hostile value (a package name,
 * a host), so it keeps only a short readable part of safe characters plus a digest of the whole:
 * two values never share an id, and an id never needs escaping.
 */
public final class Anchors {
    private static final int READABLE = 40;

    private Anchors() {
    }

    public static String app(String id) {
        return make("app", id);
    }

    public static String risk(String fingerprint) {
        return make("risk", fingerprint);
    }

    public static String finding(String app, String fingerprint) {
        return make("finding", app + '\n' + fingerprint);
    }

    public static String exchange(String id) {
        return make("exchange", id);
    }

    public static String host(String host) {
        return make("host", host);
    }

    /** {@code href} value pointing at {@code id}. */
    public static String href(String id) {
        return '#' + id;
    }

    private static String make(String kind, String value) {
        StringBuilder b = new StringBuilder(kind).append('-');
        for (int i = 0; i < value.length() && b.length() < kind.length() + 1 + READABLE; i++) {
            char c = value.charAt(i);
            b.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? c : '_');
        }
        return b.append('-').append(Digests.sha256Hex(value, 4)).toString();
    }
}
