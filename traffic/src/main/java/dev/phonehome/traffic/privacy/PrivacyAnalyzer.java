package dev.phonehome.traffic.privacy;

import dev.phonehome.core.Problem;
import dev.phonehome.core.ProblemLog;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.traffic.adapter.AdapterMatch;
import dev.phonehome.traffic.adapter.ParameterInventory;
import dev.phonehome.traffic.adapter.SdkAdapters;
import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.decode.PayloadDecoder;
import dev.phonehome.traffic.destination.Destination;
import dev.phonehome.traffic.destination.DestinationResolver;
import dev.phonehome.traffic.flow.TrafficBody;
import dev.phonehome.traffic.flow.TrafficExchange;
import dev.phonehome.traffic.pii.ExchangePersonalData;
import dev.phonehome.traffic.pii.PersonalDataMatcher;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers, one exchange at a time, which SDK sent what personal data to whom and where: decodes the
 * request, matches it to an SDK adapter, searches it for personal data and resolves its destination,
 * then adds it to the capture's {@link PrivacyReport}. Memory grows with distinct destinations,
 * parameters and personal-data uses, not with the number of exchanges. Not thread-safe: one
 * analyzer per capture.
 */
public final class PrivacyAnalyzer {
    private final PayloadDecoder decoder = new PayloadDecoder();
    private final ParameterInventory inventory;
    private final PersonalDataMatcher matcher;
    private final DestinationResolver resolver;
    private final LocalDate fallbackDate;
    private final Map<DestinationKey, Destination> destinations = new HashMap<>();
    private final PrivacyTally tally = new PrivacyTally();
    private final ProblemLog problems = new ProblemLog("traffic");
    private long exchanges;

    /**
     * @param fallbackDate the day to judge GDPR regimes on when an exchange's time is unreadable
     */
    public PrivacyAnalyzer(KnowledgeBase kb, PersonalDataMatcher matcher, DestinationResolver resolver,
                           LocalDate fallbackDate) {
        this.inventory = new ParameterInventory(SdkAdapters.of(kb));
        this.matcher = matcher;
        this.resolver = resolver;
        this.fallbackDate = fallbackDate;
    }

    /** Analyses one exchange and adds it to the report. */
    public ExchangeFacts analyze(TrafficExchange exchange) {
        exchanges++;
        byte[] body = exchange.requestBody().map(TrafficBody::bytes).orElse(new byte[0]);
        DecodedPayload payload = decoder.decode(exchange.path(), exchange.requestHeaders(), body);
        Optional<AdapterMatch> sdk = inventory.add(exchange, payload);
        ExchangePersonalData personal = matcher.find(exchange, payload);
        LocalDate day = day(exchange.time());
        Destination destination = destinations.computeIfAbsent(
                new DestinationKey(exchange.host(), exchange.serverName(), exchange.server(), day),
                k -> resolver.resolve(exchange, day));
        List<Problem> exchangeProblems = new ArrayList<>(payload.problems());
        exchangeProblems.addAll(personal.problems());
        exchangeProblems.forEach(p -> problems.add(p.code(), exchange.id(), p.message()));
        ExchangeFacts facts = new ExchangeFacts(exchange.id(), payload, sdk, personal.hits(), destination,
                exchangeProblems);
        tally.add(exchange, facts, body.length);
        return facts;
    }

    /** Everything analysed so far, in canonical order. */
    public PrivacyReport report() {
        List<Problem> all = new ArrayList<>(matcher.problems());
        all.addAll(problems.problems());
        return new PrivacyReport(exchanges, tally.destinations(), inventory.report(), tally.personalData(),
                all.stream().sorted().toList());
    }

    private LocalDate day(String time) {
        try {
            return OffsetDateTime.parse(time).toLocalDate();
        } catch (DateTimeParseException | NullPointerException e) {
            return fallbackDate;
        }
    }

    private record DestinationKey(String host, Optional<String> serverName, String server, LocalDate day) {
    }
}
