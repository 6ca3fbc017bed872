package dev.phonehome.core.kb;

/**
 * Requests an {@link SdkAdapter} applies to. Exactly one of {@code host} (that host only) and
 * {@code domain} (the domain and its subdomains, on label boundaries) is set; the rest narrow it.
 *
 * @param host      exact host name, lower case
 * @param domain    domain suffix, lower case
 * @param hostRegex with {@code domain} only: the host must match it whole (it never finds candidates itself)
 * @param path      exact path without query and trailing slash ({@code /} for the root), or null
 * @param pathRegex regex searched in the path without query and trailing slash, or null; at most one of the two
 * @param method    HTTP method, or null for any
 * @param port      server port, or null for any
 */
public record AdapterEndpoint(String host, String domain, String hostRegex, String path, String pathRegex,
                              String method, Integer port) {
}
