package dev.phonehome.assess.correlate;

import dev.phonehome.assess.model.AppEntry;
import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.Link;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.assess.observe.SdkMatch;
import dev.phonehome.core.finding.Evidence;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Links each observed exchange to the apps and SDKs that produced it, never claiming more than
 * the evidence shows: traffic alone (capture attribution, a tracker's network signature) makes
 * a link {@code OBSERVED}; an app's static evidence matching the exchange (its code names the
 * exact host, or it embeds the SDK whose domain the host is) makes it {@code LINKED}. When the
 * capture names the app, static links to other apps are dropped: the capture is the better witness.
 */
public final class Correlator {
    private record StaticRef(String app, Finding finding, String where) {
    }

    private final Map<String, List<StaticRef>> byHost = new HashMap<>();
    private final Map<String, List<StaticRef>> byTracker = new HashMap<>();

    public Correlator(List<AppEntry> apps) {
        for (AppEntry app : apps) {
            for (Finding f : app.findings()) {
                if (f.rule().equals("endpoint.domain")) {
                    for (String host : hosts(f)) {
                        byHost.computeIfAbsent(host, k -> new ArrayList<>())
                                .add(new StaticRef(app.id(), f, naming(f, host)));
                    }
                } else if (f.rule().equals("tracker.sdk") && f.attributes().containsKey("tracker")) {
                    String where = f.evidence().isEmpty() ? "its code" : f.evidence().get(0).location();
                    byTracker.computeIfAbsent(f.attributes().get("tracker"), k -> new ArrayList<>())
                            .add(new StaticRef(app.id(), f, where));
                }
            }
        }
    }

    public AssessedExchange correlate(ObservedExchange x) {
        List<Link> links = new ArrayList<>();
        x.app().ifPresent(app -> links.add(new Link(Link.Basis.CAPTURE_ATTRIBUTION, Optional.of(app), Optional.empty(),
                EvidenceLevel.OBSERVED, Optional.empty(), "the capture records " + app + " as the connection's owner")));
        for (SdkMatch sdk : x.sdks()) {
            links.add(new Link(Link.Basis.NETWORK_SIGNATURE, Optional.empty(), Optional.of(sdk.tracker()),
                    EvidenceLevel.OBSERVED, Optional.empty(), "host " + x.host() + " matches " + sdk.signature()));
            sdk.adapter().ifPresent(adapter -> links.add(new Link(Link.Basis.SDK_ADAPTER, Optional.empty(),
                    Optional.of(sdk.tracker()), EvidenceLevel.OBSERVED, Optional.empty(),
                    "adapter " + adapter + " decoded the request")));
            for (StaticRef ref : byTracker.getOrDefault(sdk.tracker(), List.of())) {
                addStatic(links, x, new Link(Link.Basis.STATIC_SDK, Optional.of(ref.app()), Optional.of(sdk.tracker()),
                        EvidenceLevel.LINKED, Optional.of(ref.finding().fingerprint()),
                        ref.app() + " embeds " + sdk.tracker() + " (" + ref.where() + ")"));
            }
        }
        for (StaticRef ref : byHost.getOrDefault(x.host(), List.of())) {
            addStatic(links, x, new Link(Link.Basis.STATIC_ENDPOINT, Optional.of(ref.app()),
                    Optional.ofNullable(ref.finding().attributes().get("tracker")), EvidenceLevel.LINKED,
                    Optional.of(ref.finding().fingerprint()), "host " + x.host() + " is named in " + ref.where()));
        }
        List<Link> sorted = links.stream().distinct().sorted().toList();
        EvidenceLevel level = sorted.stream().anyMatch(l -> l.level() == EvidenceLevel.LINKED)
                ? EvidenceLevel.LINKED : EvidenceLevel.OBSERVED;
        return new AssessedExchange(x, sorted, app(x, sorted), level);
    }

    private static void addStatic(List<Link> links, ObservedExchange x, Link link) {
        if (x.app().isEmpty() || x.app().equals(link.app())) {
            links.add(link);
        }
    }

    /** The capture's app, else the one app static links agree on; empty when they name several. */
    private static Optional<String> app(ObservedExchange x, List<Link> links) {
        if (x.app().isPresent()) {
            return x.app();
        }
        List<String> apps = links.stream().filter(l -> l.level() == EvidenceLevel.LINKED)
                .flatMap(l -> l.app().stream()).distinct().toList();
        return apps.size() == 1 ? Optional.of(apps.get(0)) : Optional.empty();
    }

    /** The hosts an {@code endpoint.domain} finding names: its {@code hosts} sample and its URLs' hosts. */
    private static Set<String> hosts(Finding f) {
        Set<String> hosts = new TreeSet<>();
        for (String h : f.attributes().getOrDefault("hosts", "").split(",")) {
            if (!h.isBlank()) {
                hosts.add(h.trim().toLowerCase(Locale.ROOT));
            }
        }
        for (Evidence e : f.evidence()) {
            String text = e.value().orElse(e.detail());
            int scheme = text.indexOf("://");
            if (scheme > 0) {
                String rest = text.substring(scheme + 3);
                int end = 0;
                while (end < rest.length() && "/:?#".indexOf(rest.charAt(end)) < 0) {
                    end++;
                }
                if (end > 0) {
                    hosts.add(rest.substring(0, end).toLowerCase(Locale.ROOT));
                }
            }
        }
        return hosts;
    }

    /** The location of the evidence naming {@code host}, else of the first evidence. */
    private static String naming(Finding f, String host) {
        return f.evidence().stream().filter(e -> e.value().orElse(e.detail()).toLowerCase(Locale.ROOT).contains(host))
                .findFirst().or(() -> f.evidence().stream().findFirst()).map(Evidence::location).orElse(f.subject());
    }
}
