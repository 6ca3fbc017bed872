package dev.phonehome.traffic.destination;

import dev.phonehome.core.kb.AdequacyDecision;
import dev.phonehome.core.kb.Regime;
import java.util.Optional;

/**
 * The GDPR transfer regime of one country for one recipient on the capture date.
 *
 * @param country   ISO 3166-1 alpha-2 the regime was evaluated for
 * @param regime    EEA, adequate, adequate if the recipient is in scope, or third country
 * @param decision  the adequacy decision consulted, e.g. {@code (EU) 2023/1795}
 * @param entity    the country or framework as the decision names it
 * @param scope     which recipients the decision covers
 * @param from      the decision's first day
 * @param until     its last day, when it has one
 * @param condition what must hold for the decision to cover the recipient, when unknown
 * @param summary   one line for reports, e.g. {@code adequacy: Japan ((EU) 2019/419, from 2019-01-23)}
 */
public record Jurisdiction(String country, Regime.Kind regime, Optional<String> decision, Optional<String> entity,
                           Optional<AdequacyDecision.Scope> scope, Optional<String> from, Optional<String> until,
                           Optional<String> condition, String summary) {

    /** The jurisdiction of {@code regime}, evaluated for {@code country}. */
    static Jurisdiction of(String country, Regime regime) {
        Optional<AdequacyDecision> d = Optional.ofNullable(regime.decision());
        return new Jurisdiction(country, regime.kind(), d.map(AdequacyDecision::decision), d.map(AdequacyDecision::entity),
                d.map(AdequacyDecision::scope), d.map(AdequacyDecision::from), d.map(AdequacyDecision::until),
                Optional.ofNullable(regime.condition()), summary(country, regime));
    }

    private static String summary(String country, Regime regime) {
        AdequacyDecision d = regime.decision();
        return switch (regime.kind()) {
            case EEA -> "EU/EEA (" + country + ")";
            case ADEQUATE -> "adequacy: " + decision(d) + scopeNote(d);
            case ADEQUATE_IF_IN_SCOPE -> "adequacy only if the " + regime.condition() + ": " + decision(d) + scopeNote(d);
            case THIRD_COUNTRY -> "third country (" + country + ")"
                    + (d == null ? "" : ": recipient is outside the scope of " + decision(d) + scopeNote(d));
        };
    }

    private static String decision(AdequacyDecision d) {
        return d.entity() + " (" + d.decision() + ", from " + d.from() + (d.until() == null ? "" : " to " + d.until()) + ")";
    }

    private static String scopeNote(AdequacyDecision d) {
        return switch (d.scope()) {
            case ALL -> "";
            case COMMERCIAL_ORGANISATIONS -> ", commercial organisations only";
            case CERTIFIED_ORGANISATIONS -> ", certified organisations only";
        };
    }
}
