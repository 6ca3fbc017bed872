package dev.phonehome.assess.observe;

import dev.phonehome.core.Problem;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.NetworkMatch;
import dev.phonehome.core.kb.Organisation;
import dev.phonehome.core.kb.Regime;
import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.decode.DecodedValue;
import dev.phonehome.traffic.decode.PayloadDecoder;
import dev.phonehome.traffic.flow.TrafficBody;
import dev.phonehome.traffic.flow.TrafficExchange;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * Turns a traffic exchange into an {@link ObservedExchange}: the host's trackers through the
 * knowledge base's network signatures, their organisation and headquarters country, the GDPR
 * regime of that country on the exchange's day, and the request's decoded parameters.
 * Thread-safe.
 */
public final class ExchangeObserver {
    /** Leaves kept per exchange: a hostile body can decode into very many. */
    public static final int MAX_PARAMETERS = 500;
    /** Characters kept of a parameter value. */
    public static final int MAX_VALUE_CHARS = 120;

    private final KnowledgeBase kb;
    private final PayloadDecoder decoder;
    private final LocalDate fallbackDate;

    /**
     * @param fallbackDate the day to judge regimes on when an exchange's time is unreadable
     */
    public ExchangeObserver(KnowledgeBase kb, PayloadDecoder decoder, LocalDate fallbackDate) {
        this.kb = kb;
        this.decoder = decoder;
        this.fallbackDate = fallbackDate;
    }

    public ObservedExchange observe(String capture, TrafficExchange x) {
        String host = !x.host().isEmpty() ? x.host() : x.serverName().orElse(x.server());
        List<NetworkMatch> matches = kb.networkSignatures().match(host);
        // A host can match several signatures of one tracker; the longest is the most specific.
        Map<String, String> byTracker = new TreeMap<>();
        matches.forEach(m -> byTracker.merge(m.tracker().id(), m.signature(),
                (a, b) -> a.length() >= b.length() ? a : b));
        List<SdkMatch> sdks = byTracker.entrySet().stream()
                .map(e -> new SdkMatch(e.getKey(), Optional.empty(), Optional.empty(), e.getValue())).toList();
        List<Problem> problems = new ArrayList<>();
        List<Parameter> parameters = parameters(x, problems);
        return new ObservedExchange(x.id(), capture, x.time(), x.app(), host, x.server(), x.method(), x.url(),
                x.status(), sdks, parameters, List.of(), destination(matches, day(x.time())), problems);
    }

    private List<Parameter> parameters(TrafficExchange x, List<Problem> problems) {
        byte[] body = x.requestBody().map(TrafficBody::bytes).orElse(new byte[0]);
        DecodedPayload payload;
        try {
            payload = decoder.decode(x.path(), x.requestHeaders(), body);
        } catch (RuntimeException | StackOverflowError e) {
            // A decoder defect on one hostile request costs that request's parameters, not the assessment.
            problems.add(new Problem("assess.decode-failed", x.id(), "request not decoded: " + e));
            return List.of();
        }
        problems.addAll(payload.problems());
        List<Parameter> out = new ArrayList<>();
        for (DecodedValue v : payload.values()) {
            // Headers are transport metadata here; the personal-data matcher reads them itself.
            if (v.path().startsWith("header:")) {
                continue;
            }
            if (out.size() == MAX_PARAMETERS) {
                break;
            }
            out.add(new Parameter(v.path(), ParameterNames.of(v.path()), cut(v.value()), v.kind().name()));
        }
        return out;
    }

    private DestinationFacts destination(List<NetworkMatch> matches, LocalDate day) {
        Optional<Organisation> organisation = matches.stream()
                .map(m -> kb.organisations().byId(m.tracker().organisation()))
                .flatMap(Optional::stream).findFirst();
        if (organisation.isEmpty()) {
            return DestinationFacts.unknown();
        }
        Organisation org = organisation.get();
        Optional<String> country = Optional.ofNullable(org.country());
        Optional<Regime> regime = country.map(c -> kb.jurisdictions().regimeOf(c, org, day));
        return new DestinationFacts(Optional.of(org.id()), Optional.of(org.name()), country, Optional.empty(),
                regime.map(Regime::kind), regime.map(Regime::condition), country, true);
    }

    private LocalDate day(String time) {
        try {
            return OffsetDateTime.parse(time).toLocalDate();
        } catch (DateTimeParseException e) {
            return fallbackDate;
        }
    }

    private static String cut(String value) {
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "…";
    }
}
