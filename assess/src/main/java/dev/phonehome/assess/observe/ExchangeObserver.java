package dev.phonehome.assess.observe;

import dev.phonehome.core.Problem;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.Organisation;
import dev.phonehome.traffic.adapter.AdapterMatch;
import dev.phonehome.traffic.adapter.EncryptedPayload;
import dev.phonehome.traffic.decode.DecodedValue;
import dev.phonehome.traffic.destination.Destination;
import dev.phonehome.traffic.destination.Jurisdiction;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.privacy.ExchangeFacts;
import dev.phonehome.traffic.privacy.PrivacyAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a traffic exchange into an {@link ObservedExchange}: the traffic engine's facts (SDK
 * adapter, personal data, destination with its GDPR regime on the exchange's day, decoded
 * parameters) joined with the trackers whose network signatures the host matches. One observer
 * per capture, used from one thread, like its {@link PrivacyAnalyzer}.
 */
public final class ExchangeObserver {
    /** Leaves kept per exchange: a hostile body can decode into very many. */
    public static final int MAX_PARAMETERS = 500;
    /** Characters kept of a parameter value. */
    public static final int MAX_VALUE_CHARS = 120;
    /** Distinct strings shared between exchanges; past it, strings are kept as they come. */
    static final int MAX_SHARED_STRINGS = 100_000;

    private final KnowledgeBase kb;
    private final PrivacyAnalyzer analyzer;
    // Hosts, payload paths and parameter names repeat in every exchange of a capture; sharing one
    // copy of each keeps the heap of a long capture to what is unique in it.
    private final Map<String, String> shared = new ConcurrentHashMap<>();

    /**
     * @param analyzer decodes each request, matches its SDK adapter, finds personal data and resolves
     *                 the destination; one per capture
     */
    public ExchangeObserver(KnowledgeBase kb, PrivacyAnalyzer analyzer) {
        this.kb = kb;
        this.analyzer = analyzer;
    }

    public ObservedExchange observe(String capture, TrafficExchange x) {
        String host = !x.host().isEmpty() ? x.host() : x.serverName().orElse(x.server());
        List<Problem> problems = new ArrayList<>();
        Optional<ExchangeFacts> facts;
        try {
            facts = Optional.of(analyzer.analyze(x));
        } catch (RuntimeException | StackOverflowError e) {
            // A decoder defect on one hostile request costs that request's facts, not the assessment.
            problems.add(new Problem("assess.decode-failed", x.id(), "request not decoded: " + e));
            facts = Optional.empty();
        }
        facts.ifPresent(f -> problems.addAll(f.problems()));
        return new ObservedExchange(x.id(), share(capture), x.time(), x.app().map(this::share), share(host),
                share(x.server()), share(x.method()), x.url(), x.status(), sdks(host, facts),
                facts.map(this::parameters).orElse(List.of()), facts.map(ExchangeObserver::personalData).orElse(List.of()),
                facts.map(f -> destination(f.destination())).orElse(DestinationFacts.unknown()), problems);
    }

    /** Trackers whose network signature the host matches, joined with the SDK adapter that read the request. */
    private List<SdkMatch> sdks(String host, Optional<ExchangeFacts> facts) {
        // A host can match several signatures of one tracker; the longest is the most specific.
        Map<String, String> byTracker = new TreeMap<>();
        kb.networkSignatures().match(host).forEach(m -> byTracker.merge(m.tracker().id(), m.signature(),
                (a, b) -> a.length() >= b.length() ? a : b));
        Optional<AdapterMatch> adapter = facts.flatMap(ExchangeFacts::sdk);
        adapter.ifPresent(a -> byTracker.putIfAbsent(a.trackerId(), "adapter " + a.adapterId()));
        return byTracker.entrySet().stream().map(e -> {
            Optional<AdapterMatch> same = adapter.filter(a -> a.trackerId().equals(e.getKey()));
            return new SdkMatch(e.getKey(), same.map(AdapterMatch::adapterId),
                    same.flatMap(a -> a.encrypted().stream().findFirst()).map(EncryptedPayload::scheme), e.getValue());
        }).toList();
    }

    private List<Parameter> parameters(ExchangeFacts facts) {
        List<Parameter> out = new ArrayList<>();
        for (DecodedValue v : facts.payload().values()) {
            // Headers are transport metadata here; the personal-data matcher reads them itself.
            if (v.path().startsWith("header:")) {
                continue;
            }
            if (out.size() == MAX_PARAMETERS) {
                break;
            }
            String path = share(v.path());
            out.add(new Parameter(path, share(ParameterNames.of(path)), cut(v.value()), v.kind().name()));
        }
        return out;
    }

    private static List<PersonalData> personalData(ExchangeFacts facts) {
        return facts.personalData().stream().map(h -> new PersonalData(h.type().code(), h.form(), h.path()))
                .distinct().toList();
    }

    /**
     * The regime of the server's country when geodata placed it, else of the owner's headquarters,
     * marked uncertain: the data may be processed elsewhere.
     */
    private DestinationFacts destination(Destination d) {
        Optional<Organisation> org = d.tracker().flatMap(kb.trackers()::byId)
                .flatMap(t -> kb.organisations().byId(t.organisation()));
        Optional<Jurisdiction> regime = d.serverJurisdiction().or(d::ownerJurisdiction);
        return new DestinationFacts(org.map(Organisation::id), d.organisation(), d.organisationCountry(), d.ipCountry(),
                regime.map(Jurisdiction::regime), regime.flatMap(Jurisdiction::condition),
                regime.map(Jurisdiction::country), d.serverJurisdiction().isEmpty() || d.locationUncertain());
    }

    private String share(String s) {
        String known = shared.get(s);
        if (known != null) {
            return known;
        }
        if (shared.size() < MAX_SHARED_STRINGS) {
            known = shared.putIfAbsent(s, s);
        }
        return known != null ? known : s;
    }

    private static String cut(String value) {
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "…";
    }
}
