package dev.phonehome.assess;

import dev.phonehome.assess.correlate.AppEntries;
import dev.phonehome.assess.correlate.Correlator;
import dev.phonehome.assess.correlate.Destinations;
import dev.phonehome.assess.correlate.ParameterTable;
import dev.phonehome.assess.model.AppEntry;
import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Destination;
import dev.phonehome.assess.model.Inputs;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.model.Summary;
import dev.phonehome.assess.rules.RiskEvaluator;
import dev.phonehome.assess.rules.RiskRules;
import dev.phonehome.core.Problem;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.kb.KnowledgeBase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Joins a device's static and traffic evidence into its assessment: apps, exchanges linked to
 * apps and SDKs, destinations, parameters and the risk register. Pure: the same input gives an
 * equal {@link Assessment}.
 */
public final class Assessor {
    private final KnowledgeBase kb;
    private final RiskRules rules;

    public Assessor(KnowledgeBase kb, RiskRules rules) {
        this.kb = kb;
        this.rules = rules;
    }

    /** The knowledge base's date ({@code kb_version} 2026.12.03 is 2026-12-03): the default day to judge regimes on. */
    public static LocalDate knowledgeDate(KnowledgeBase kb) {
        return LocalDate.parse(kb.version().replace('.', '-'));
    }

    public Assessment assess(AssessmentInput in) {
        List<AppEntry> apps = in.scan().map(AppEntries::of).orElse(List.of());
        Correlator correlator = new Correlator(apps);
        List<AssessedExchange> exchanges = in.exchanges().stream().map(correlator::correlate).toList();
        List<Destination> destinations = Destinations.of(exchanges);
        List<Problem> problems = new ArrayList<>(in.problems());
        in.scan().ifPresent(s -> problems.addAll(s.problems()));
        List<Risk> risks = in.suppressions().apply(new RiskEvaluator(rules).evaluate(apps, exchanges), problems);
        Inputs inputs = new Inputs(in.scan().map(s -> s.source()), in.captures(), kb.version(), rules.version(),
                asOf(in).toString());
        return new Assessment(Assessment.SCHEMA, inputs, in.device(), summary(apps, exchanges, destinations, risks),
                apps, exchanges, destinations, ParameterTable.of(apps, exchanges), risks, rules.infos(), problems);
    }

    private LocalDate asOf(AssessmentInput in) {
        return in.exchanges().stream().map(x -> x.time()).sorted().findFirst().flatMap(Assessor::day)
                .orElse(knowledgeDate(kb));
    }

    private static Optional<LocalDate> day(String time) {
        try {
            return Optional.of(OffsetDateTime.parse(time).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Summary summary(List<AppEntry> apps, List<AssessedExchange> exchanges,
                                   List<Destination> destinations, List<Risk> risks) {
        Map<String, Integer> bySeverity = new TreeMap<>();
        Map<String, Integer> byCategory = new TreeMap<>();
        risks.stream().filter(Risk::open).forEach(r -> {
            bySeverity.merge(r.severity().name(), 1, Integer::sum);
            byCategory.merge(r.category().name(), 1, Integer::sum);
        });
        Map<String, Integer> trackers = new TreeMap<>();
        apps.forEach(a -> a.trackers().forEach(t -> trackers.merge(t, 1, Integer::sum)));
        int linked = (int) exchanges.stream().filter(x -> x.level() == EvidenceLevel.LINKED).count();
        int open = (int) risks.stream().filter(Risk::open).count();
        return new Summary(apps.size(), exchanges.size(), destinations.size(), linked, open, risks.size() - open,
                bySeverity, byCategory, trackers);
    }
}
