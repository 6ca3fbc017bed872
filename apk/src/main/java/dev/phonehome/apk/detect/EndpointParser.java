package dev.phonehome.apk.detect;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds URLs, host names and IP literals in a string.
 *
 * <p>URLs are accepted when their host ends in a public suffix. Bare host names need more,
 * because Java package names ({@code com.example.app}), system properties ({@code ro.build.id}),
 * class names and file names ({@code libfoo.so}) are shaped like them: a bare host must be all
 * lower case, end in an ICANN suffix that is not a common file extension, and not start with a
 * label that begins package names and property names. Bare IPv4 literals whose four parts are
 * single digits read as version numbers and are skipped unless a port follows.
 */
final class EndpointParser {
    /** Longest input looked at; longer strings are cut (endpoints sit in short strings). */
    static final int MAX_INPUT = 16_384;
    /** Longest path kept in a normalised endpoint. */
    static final int MAX_PATH = 200;

    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(https?|wss?|ftp|mqtts?|rtmps?)://([^\\s/?#\"'<>\\\\`{}|^]{1,300})([/?#][^\\s\"'<>\\\\`{}|^]*)?");
    /** Characters that end a bare-host token: ASCII white space, quotes, brackets, separators. */
    private static final String DELIMITERS = " \t\n\u000B\f\r\"'<>(),;[]{}|\\`=*!$";
    private static final Pattern BARE_HOST = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.[a-z0-9-]+\\.?(:\\d{1,5})?(/\\S*)?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "ws", 80, "wss", 443,
            "ftp", 21);
    /** First labels of package names and Android and Java system properties, never of host names in practice. */
    private static final Set<String> NON_HOST_ROOTS = Set.of("com", "org", "net", "edu", "gov", "android", "androidx",
            "java", "javax", "kotlin", "kotlinx", "dalvik", "junit", "ro", "persist", "sys", "init", "ctl", "vendor",
            "debug", "os", "user", "file", "line", "http", "https", "jdk", "sun");
    /** Endings of file names and property keys ({@code user.name}) that are also top-level domains. */
    private static final Set<String> FILE_EXTENSIONS = Set.of("so", "zip", "mov", "sh", "py", "pl", "md", "rs",
            "cc", "js", "ts", "kt", "ps", "bz", "gz", "tar", "dat", "db", "log", "app", "bin", "txt", "properties",
            "name");
    /** XML namespace hosts, named in every layout and parser, never contacted. */
    private static final Set<String> NAMESPACE_HOSTS = Set.of("schemas.android.com", "www.w3.org", "ns.adobe.com",
            "xmlpull.org", "purl.org");

    private EndpointParser() {
    }

    /** Every endpoint in {@code text}: URLs first, then bare hosts, each in text order. */
    static List<Endpoint> find(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('[') < 0) {
            return List.of();
        }
        String s = text.length() > MAX_INPUT ? text.substring(0, MAX_INPUT) : text;
        List<Endpoint> found = new ArrayList<>();
        String rest = s;
        if (s.contains("://")) {
            Matcher m = URL.matcher(s);
            StringBuilder outside = new StringBuilder();
            while (m.find()) {
                url(m.group(1), m.group(2), m.group(3)).ifPresent(found::add);
                m.appendReplacement(outside, " ");
            }
            m.appendTail(outside);
            rest = outside.toString();
        }
        int start = 0;
        boolean innerDot = false;
        for (int i = 0; i <= rest.length(); i++) {
            char c = i == rest.length() ? ' ' : rest.charAt(i);
            if (DELIMITERS.indexOf(c) >= 0) {
                if (innerDot && i - start <= 300) {
                    String token = rest.substring(start, i);
                    if (BARE_HOST.matcher(token).matches()) {
                        bareHost(token).ifPresent(found::add);
                    }
                }
                start = i + 1;
                innerDot = false;
            } else if (c == '.' && i > start) {
                innerDot = true;
            }
        }
        return found;
    }

    private static Optional<Endpoint> url(String scheme, String authority, String tail) {
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        String portText = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = hostPort.substring(1, close);
            portText = hostPort.substring(close + 1);
            if (!InetAddresses.isInetAddress(host)) {
                return Optional.empty();
            }
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? "" : hostPort.substring(colon);
        }
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        int port = port(portText, lowerScheme);
        if (port == Integer.MIN_VALUE) {
            return Optional.empty();
        }
        return endpoint(lowerScheme, host, port, path(tail), false);
    }

    private static Optional<Endpoint> bareHost(String token) {
        int slash = token.indexOf('/');
        String hostPort = slash < 0 ? token : token.substring(0, slash);
        int colon = hostPort.indexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        int port = port(colon < 0 ? "" : hostPort.substring(colon), "");
        if (port == Integer.MIN_VALUE) {
            return Optional.empty();
        }
        return endpoint("", host, port, slash < 0 ? "" : path(token.substring(slash)), true);
    }

    /** The port after a colon, -1 for none or the scheme's default, {@code MIN_VALUE} when invalid. */
    private static int port(String colonPort, String scheme) {
        if (colonPort.isEmpty() || colonPort.equals(":")) {
            return -1;
        }
        if (!colonPort.startsWith(":") || colonPort.length() > 6 || !colonPort.substring(1).chars().allMatch(Character::isDigit)) {
            return Integer.MIN_VALUE;
        }
        int port = Integer.parseInt(colonPort.substring(1));
        if (port == 0 || port > 65535) {
            return Integer.MIN_VALUE;
        }
        return port == DEFAULT_PORTS.getOrDefault(scheme, -1) ? -1 : port;
    }

    private static String path(String tail) {
        if (tail == null) {
            return "";
        }
        int end = tail.length();
        for (char c : new char[] {'?', '#'}) {
            int i = tail.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String path = tail.substring(0, Math.min(end, MAX_PATH));
        return path.equals("/") ? "" : path;
    }

    private static Optional<Endpoint> endpoint(String scheme, String rawHost, int port, String path, boolean bare) {
        String host = rawHost.endsWith(".") ? rawHost.substring(0, rawHost.length() - 1) : rawHost;
        if (host.isEmpty()) {
            return Optional.empty();
        }
        if (InetAddresses.isInetAddress(host)) {
            return ipLiteral(host, bare && port < 0).map(ip -> new Endpoint(scheme, ip, port, path, ip));
        }
        if (bare && !host.equals(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (NAMESPACE_HOSTS.contains(lower) || !InternetDomainName.isValid(lower)) {
            return Optional.empty();
        }
        InternetDomainName name = InternetDomainName.from(lower);
        if (!name.isUnderPublicSuffix()) {
            return Optional.empty();
        }
        if (bare && !plausibleBareHost(name)) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(scheme, lower, port, path, name.topPrivateDomain().toString()));
    }

    private static boolean plausibleBareHost(InternetDomainName name) {
        List<String> labels = name.parts();
        String last = labels.get(labels.size() - 1);
        return name.isUnderRegistrySuffix() && !FILE_EXTENSIONS.contains(last) && !NON_HOST_ROOTS.contains(labels.get(0));
    }

    /**
     * The canonical text of an IP literal worth reporting, if it is one. Without a port or a
     * scheme, only an IPv4 literal with a part of two digits or more counts.
     */
    private static Optional<String> ipLiteral(String host, boolean alone) {
        if (alone && !IPV4.matcher(host).matches()) {
            return Optional.empty();
        }
        if (alone && host.length() == 7) {
            return Optional.empty();
        }
        InetAddress address = InetAddresses.forString(host);
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || host.equals("255.255.255.255")) {
            return Optional.empty();
        }
        return Optional.of(InetAddresses.toAddrString(address));
    }
}
