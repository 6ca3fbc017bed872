package dev.phonehome.assess.rules;

import dev.phonehome.assess.model.AppEntry;
import dev.phonehome.assess.model.AssessedExchange;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.model.RiskEvidence;
import dev.phonehome.assess.model.RiskStatus;
import dev.phonehome.assess.model.Score;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.core.Digests;
import dev.phonehome.core.finding.Evidence;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.kb.Regime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates the risk rules over an assessment's apps and exchanges. A findings rule makes one
 * risk per app (or per finding) from the matching static findings, joined with the exchanges
 * linked to those findings; a traffic rule makes one risk per destination host.
 */
public final class RiskEvaluator {
    /** Exchanges cited per risk; the destination table has the full counts. */
    public static final int MAX_EXCHANGES_PER_RISK = 20;

    private final RiskRules rules;

    public RiskEvaluator(RiskRules rules) {
        this.rules = rules;
    }

    /** Open risks, sorted; suppression is applied afterwards. */
    public List<Risk> evaluate(List<AppEntry> apps, List<AssessedExchange> exchanges) {
        List<Risk> risks = new ArrayList<>();
        for (RiskRule rule : rules.all()) {
            if (rule.match().findings() != null) {
                risks.addAll(fromFindings(rule, apps, exchanges));
            } else {
                risks.addAll(fromTraffic(rule, exchanges));
            }
        }
        return risks.stream().sorted().toList();
    }

    private record Group(String subject, String title, Set<AppEntry> apps, List<Finding> findings) {
    }

    private List<Risk> fromFindings(RiskRule rule, List<AppEntry> apps, List<AssessedExchange> exchanges) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (AppEntry app : apps) {
            if (Boolean.TRUE.equals(rule.match().privileged()) && !app.privileged()) {
                continue;
            }
            for (Finding f : app.findings()) {
                if (!matches(rule.match(), f)) {
                    continue;
                }
                boolean perFinding = rule.subject().equals("finding");
                String subject = perFinding ? app.id() + " " + f.attributes().getOrDefault("tracker", f.fingerprint())
                        : app.id();
                String title = perFinding ? rule.title() + ": " + f.title() : rule.title();
                groups.computeIfAbsent(subject, s -> new Group(s, title, new HashSet<>(), new ArrayList<>()));
                groups.get(subject).apps().add(app);
                groups.get(subject).findings().add(f);
            }
        }
        List<Risk> out = new ArrayList<>();
        for (Group g : groups.values()) {
            List<RiskEvidence> evidence = new ArrayList<>();
            Set<String> fingerprints = new TreeSet<>();
            for (Finding f : g.findings()) {
                fingerprints.add(f.fingerprint());
                for (Evidence e : f.evidence()) {
                    evidence.add(new RiskEvidence("finding", f.level(), Optional.of(f.subject()),
                            Optional.of(f.fingerprint()), f.rule(), Optional.empty(), e.location(), Optional.empty(),
                            e.detail()));
                }
            }
            List<AssessedExchange> linked = exchanges.stream()
                    .filter(x -> x.links().stream().anyMatch(l -> l.finding().filter(fingerprints::contains).isPresent()))
                    .toList();
            linked.stream().limit(MAX_EXCHANGES_PER_RISK).forEach(x -> evidence.add(exchangeEvidence(x, Optional.empty())));
            List<String> appIds = g.apps().stream().map(AppEntry::id).toList();
            boolean privileged = g.apps().stream().anyMatch(AppEntry::privileged);
            out.add(risk(rule, g.subject(), g.title(), appIds, linked, evidence, privileged));
        }
        return out;
    }

    private List<Risk> fromTraffic(RiskRule rule, List<AssessedExchange> exchanges) {
        Map<String, List<AssessedExchange>> byHost = new LinkedHashMap<>();
        for (AssessedExchange x : exchanges) {
            if (matches(rule.match().traffic(), x)) {
                byHost.computeIfAbsent(x.exchange().host(), h -> new ArrayList<>()).add(x);
            }
        }
        List<Risk> out = new ArrayList<>();
        byHost.forEach((host, xs) -> {
            List<RiskEvidence> evidence = new ArrayList<>();
            xs.stream().limit(MAX_EXCHANGES_PER_RISK).forEach(x -> evidence.add(exchangeEvidence(x, focus(rule, x))));
            List<String> apps = xs.stream().flatMap(x -> x.app().stream()).distinct().toList();
            out.add(risk(rule, host, rule.title() + ": " + host, apps, xs, evidence, false));
        });
        return out;
    }

    private Risk risk(RiskRule rule, String subject, String title, List<String> apps, List<AssessedExchange> traffic,
                      List<RiskEvidence> evidence, boolean privileged) {
        EvidenceLevel level = evidence.stream().map(RiskEvidence::level).max(Enum::compareTo)
                .orElse(EvidenceLevel.PRESENT);
        Score score = Scoring.score(rule, new Scoring.Facts(privileged, level, traffic));
        List<String> destinations = traffic.stream().map(x -> x.exchange().host()).distinct().toList();
        return new Risk(rule.id(), Digests.sha256Hex(rule.id() + '\n' + subject, 10), subject, title,
                rule.category(), score.severity(), score, level, RiskStatus.OPEN, Optional.empty(), apps,
                destinations, evidence, rule.lowerBy());
    }

    private static RiskEvidence exchangeEvidence(AssessedExchange x, Optional<String> path) {
        ObservedExchange o = x.exchange();
        String detail = o.method() + " " + o.host() + " from " + x.app().orElse("an unattributed app")
                + x.links().stream().findFirst().map(l -> "; " + l.evidence()).orElse("");
        return new RiskEvidence("exchange", x.level(), x.app(), Optional.empty(),
                x.links().stream().findFirst().map(l -> l.basis().name()).orElse("OBSERVED"), Optional.of(o.id()),
                o.url(), path, detail);
    }

    /** The payload path a traffic rule's evidence points at. */
    private static Optional<String> focus(RiskRule rule, AssessedExchange x) {
        RuleMatch.TrafficMatch t = rule.match().traffic();
        ObservedExchange o = x.exchange();
        if (Boolean.TRUE.equals(t.personalData()) && !o.personalData().isEmpty()) {
            return Optional.of(o.personalData().get(0).path());
        }
        if (Boolean.TRUE.equals(t.encryptedPayload())) {
            return o.parameters().stream().filter(p -> p.opaque()).map(p -> p.path()).findFirst();
        }
        return Optional.empty();
    }

    static boolean matches(RuleMatch m, Finding f) {
        boolean rule = m.findings().stream().anyMatch(id -> id.endsWith(".*")
                ? f.rule().startsWith(id.substring(0, id.length() - 1)) : f.rule().equals(id));
        return rule && (m.minSeverity() == null || f.severity().atLeast(m.minSeverity()))
                && m.where().entrySet().stream().allMatch(w -> w.getValue().equals(f.attributes().get(w.getKey())));
    }

    static boolean matches(RuleMatch.TrafficMatch t, AssessedExchange x) {
        ObservedExchange o = x.exchange();
        return is(t.tracker(), !o.sdks().isEmpty())
                && (t.regimes() == null || o.destination().regime().map(Regime.Kind::name)
                        .filter(t.regimes()::contains).isPresent())
                && is(t.encryptedPayload(), o.encryptedPayload())
                && is(t.personalData(), !o.personalData().isEmpty())
                && is(t.linked(), x.level() == EvidenceLevel.LINKED);
    }

    private static boolean is(Boolean wanted, boolean actual) {
        return wanted == null || wanted == actual;
    }
}
