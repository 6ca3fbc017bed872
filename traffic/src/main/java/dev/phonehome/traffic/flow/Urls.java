package dev.phonehome.traffic.flow;

import java.util.Locale;

/** Builds and takes apart the URLs of exchanges without java.net.URI, which rejects much of what phones send. */
final class Urls {
    private static final int MAX_PORT = 0xFFFF;

    private Urls() {
    }

    /** The absolute URL of a request: absolute-form targets as sent, others joined to scheme and authority. */
    static String of(String scheme, String authority, String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return target;
        }
        String base = scheme + "://" + authority;
        if (target.isEmpty() || target.equals("*") || target.equals(authority)) {
            return base + "/";
        }
        return base + (target.startsWith("/") ? target : "/" + target);
    }

    /** Host of an absolute URL, lower case, without user info, port or IPv6 brackets; empty if none. */
    static String host(String url) {
        int start = url.indexOf("://");
        String rest = start < 0 ? url : url.substring(start + 3);
        int end = firstOf(rest, "/?#");
        return hostOfAuthority(rest.substring(0, end));
    }

    /** Host of an authority ({@code user@host:port}, {@code [v6]:port}), lower case. */
    static String hostOfAuthority(String authority) {
        String a = authority.substring(authority.lastIndexOf('@') + 1);
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            return (close < 0 ? a.substring(1) : a.substring(1, close)).toLowerCase(Locale.ROOT);
        }
        int colon = a.indexOf(':');
        return (colon < 0 ? a : a.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    /** The URL's explicit port, else the scheme's default (443 for https, 80 otherwise). */
    static int port(String url) {
        int start = url.indexOf("://");
        String rest = start < 0 ? url : url.substring(start + 3);
        String authority = rest.substring(rest.lastIndexOf('@', firstOf(rest, "/?#") - 1) + 1, firstOf(rest, "/?#"));
        int colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf(']')) {
            try {
                int port = Integer.parseInt(authority.substring(colon + 1));
                if (port >= 0 && port <= MAX_PORT) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // not a port: fall back to the scheme's
            }
        }
        return url.regionMatches(true, 0, "https:", 0, 6) ? 443 : 80;
    }

    /** Path and query of an absolute URL; {@code /} when it has none. */
    static String pathAndQuery(String url) {
        int start = url.indexOf("://");
        String rest = start < 0 ? url : url.substring(start + 3);
        int slash = firstOf(rest, "/?");
        String p = rest.substring(slash);
        int hash = p.indexOf('#');
        p = hash < 0 ? p : p.substring(0, hash);
        return p.isEmpty() ? "/" : p.startsWith("?") ? "/" + p : p;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
