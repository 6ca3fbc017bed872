package dev.phonehome.traffic.adapter;

import dev.phonehome.core.kb.FieldSelector;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.SdkAdapter;
import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.decode.DecodedValue;
import dev.phonehome.traffic.decode.ValueKind;
import dev.phonehome.traffic.flow.TrafficBody;
import dev.phonehome.traffic.flow.TrafficExchange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recognises SDK requests by the knowledge base's adapters and names what they carry. The host is
 * looked up once in an {@link EndpointIndex}; only the few adapters found there test their path and
 * method, and their field selectors run over the decoded leaves. Where several adapters share an
 * endpoint (TrackHAR's JSON and query-string variants of one API), the one whose fields select most
 * values wins; on a tie, the one whose expected decoding agrees with how each context was opened
 * (a form body, not JSON), then the smaller id. Immutable and thread-safe; never throws on a request.
 */
public final class SdkAdapters {
    private final EndpointIndex index;

    private SdkAdapters(List<SdkAdapter> adapters) {
        this.index = new EndpointIndex(adapters.stream().map(CompiledAdapter::new).toList());
    }

    /** The adapters shipped in the knowledge base. */
    public static SdkAdapters of(KnowledgeBase kb) {
        return of(kb.sdkAdapters().all());
    }

    /** Adapters as given; they must be valid (see {@link dev.phonehome.core.kb.SdkAdapterCatalog}). */
    public static SdkAdapters of(List<SdkAdapter> adapters) {
        return new SdkAdapters(adapters);
    }

    /**
     * The adapter the exchange's request belongs to, with every decoded value as a parameter.
     *
     * @param payload the request decoded by {@link dev.phonehome.traffic.decode.PayloadDecoder}
     */
    public Optional<AdapterMatch> match(TrafficExchange exchange, DecodedPayload payload) {
        List<CompiledAdapter> candidates = accepting(exchange);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<Leaf> leaves = payload.values().stream().map(v -> new Leaf(v, FieldPath.of(v.path()))).toList();
        long bodyBytes = exchange.requestBody().map(TrafficBody::size).orElse(0L);
        Set<String> opened = new TreeSet<>();
        leaves.forEach(l -> opened.add(l.path.context() + " " + l.path.firstLayer()));
        AdapterMatch best = null;
        long bestScore = -1;
        for (CompiledAdapter a : candidates) {
            AdapterMatch m = match(a, leaves, bodyBytes);
            long agreeing = a.adapter.decoding().stream()
                    .filter(d -> d.field() == null && opened.contains(d.context() + " " + d.layer())).count();
            long score = m.mapped().size() * 1024L + Math.min(agreeing, 1023);
            if (score > bestScore) {
                best = m;
                bestScore = score;
            }
        }
        return Optional.of(best);
    }

    /** Ids of the adapters whose endpoints accept the exchange's request, sorted: the candidates {@link #match} weighs. */
    public List<String> candidates(TrafficExchange exchange) {
        return accepting(exchange).stream().map(a -> a.adapter.id()).toList();
    }

    private List<CompiledAdapter> accepting(TrafficExchange exchange) {
        String host = exchange.host().toLowerCase(Locale.ROOT);
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String path = normalisedPath(exchange.path());
        int port = exchange.port();
        Set<CompiledAdapter> accepting = new TreeSet<>((x, y) -> x.adapter.id().compareTo(y.adapter.id()));
        for (EndpointIndex.Candidate c : index.lookup(host)) {
            if (c.endpoint().accepts(host, path, exchange.method(), port)) {
                accepting.add(c.adapter());
            }
        }
        return List.copyOf(accepting);
    }

    /** Every value of a request no adapter claims, as unmapped parameters (for the inventory). */
    public static List<SdkParameter> parameters(DecodedPayload payload) {
        List<SdkParameter> out = new ArrayList<>();
        for (DecodedValue v : payload.values()) {
            FieldPath p = FieldPath.of(v.path());
            out.add(new SdkParameter(p.context(), FieldSelector.name(p.steps(), new boolean[0]), v.path(), v.value(),
                    List.of()));
        }
        return out;
    }

    private record Leaf(DecodedValue value, FieldPath path) {
    }

    private static AdapterMatch match(CompiledAdapter a, List<Leaf> leaves, long bodyBytes) {
        Optional<String> bodyScheme = a.adapter.encryptedScheme();
        List<EncryptedPayload> encrypted = new ArrayList<>();
        if (bodyBytes > 0) {
            bodyScheme.ifPresent(s -> encrypted.add(new EncryptedPayload(s, "body", bodyBytes)));
        }
        List<SdkParameter> parameters = new ArrayList<>();
        for (Leaf leaf : leaves) {
            FieldPath p = leaf.path;
            if (bodyScheme.isPresent() && p.context().equals("body")) {
                continue;
            }
            DecodedValue v = leaf.value;
            if (v.kind() == ValueKind.OPAQUE) {
                encrypted.add(new EncryptedPayload(p.encryptedScheme().orElse("unknown"), v.path(), v.value().length() / 2));
            }
            boolean[] named = new boolean[p.steps().size()];
            Set<String> properties = new TreeSet<>();
            Set<String> texts = new HashSet<>();
            p.steps().forEach(s -> texts.add(s.text()));
            for (CompiledAdapter.Mapping m : a.candidates(p.context(), texts)) {
                Optional<boolean[]> mask = m.apply(p.steps(), texts, v.value());
                if (mask.isPresent()) {
                    properties.add(m.field().property());
                    for (int i = 0; i < named.length; i++) {
                        named[i] |= mask.get()[i];
                    }
                }
            }
            parameters.add(new SdkParameter(p.context(), FieldSelector.name(p.steps(), named), v.path(), v.value(),
                    List.copyOf(properties)));
        }
        return new AdapterMatch(a.adapter.id(), a.adapter.tracker(), encrypted, parameters);
    }

    /** Path without query, fragment and trailing slash, as endpoints are written. */
    static String normalisedPath(String pathAndQuery) {
        int end = pathAndQuery.length();
        for (int i = 0; i < pathAndQuery.length(); i++) {
            char c = pathAndQuery.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String p = pathAndQuery.substring(0, end);
        if (p.isEmpty()) {
            return "/";
        }
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
