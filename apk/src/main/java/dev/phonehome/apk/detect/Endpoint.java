package dev.phonehome.apk.detect;

/**
 * A network endpoint named by the app, normalised: scheme and host lower-cased, default ports
 * dropped, query and fragment dropped (they carry identifiers, not places).
 *
 * @param scheme URL scheme, or empty for a bare host name
 * @param host   host name or IP literal (IPv6 without brackets)
 * @param port   explicit non-default port, or -1
 * @param path   path, possibly empty
 * @param domain registrable domain (public suffix plus one label), or the IP literal itself
 */
record Endpoint(String scheme, String host, int port, String path, String domain) {
    /** The normalised text: a URL, or {@code host[:port][/path]} for a bare host. */
    String text() {
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (port >= 0 ? ":" + port : "");
        return (scheme.isEmpty() ? "" : scheme + "://") + authority + path;
    }

    /** Whether the endpoint is reached without TLS. */
    boolean cleartext() {
        return scheme.equals("http") || scheme.equals("ws") || scheme.equals("ftp");
    }
}
