package dev.phonehome.core.kb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the trackers whose network signatures match a host name.
 *
 * <p>Domain suffixes sit in a trie of reversed DNS labels, so {@code google-analytics.com}
 * matches {@code ssl.google-analytics.com} but never {@code notgoogle-analytics.com}. The few
 * host regexes are searched (not anchored) in the lower-cased host.
 */
public final class NetworkSignatureIndex {
    /** Longest DNS name (RFC 1035); longer "hosts" come from hostile input and match nothing. */
    public static final int MAX_HOST_LENGTH = 253;

    private final DomainTrie<NetworkMatch> domains = new DomainTrie<>();
    private final List<RegexSignature> regexes = new ArrayList<>();

    private record RegexSignature(Pattern pattern, NetworkMatch match) {
    }

    private NetworkSignatureIndex() {
    }

    public static NetworkSignatureIndex of(List<Tracker> trackers) {
        NetworkSignatureIndex index = new NetworkSignatureIndex();
        for (Tracker tracker : trackers) {
            for (SourcedValue domain : tracker.domains()) {
                index.domains.add(domain.value(), new NetworkMatch(domain.value(), tracker));
            }
            for (SourcedValue regex : tracker.hostRegexes()) {
                index.regexes.add(new RegexSignature(Pattern.compile(regex.value()),
                        new NetworkMatch(regex.value(), tracker)));
            }
        }
        return index;
    }

    /** The signatures matching {@code host} (case-insensitive, trailing dot allowed), sorted by tracker id. */
    public List<NetworkMatch> match(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty() || h.length() > MAX_HOST_LENGTH) {
            return List.of();
        }
        List<NetworkMatch> found = domains.find(h);
        for (RegexSignature regex : regexes) {
            if (regex.pattern().matcher(h).find()) {
                found.add(regex.match());
            }
        }
        found.sort(Comparator.comparing((NetworkMatch m) -> m.tracker().id()).thenComparing(NetworkMatch::signature));
        return List.copyOf(found);
    }
}
