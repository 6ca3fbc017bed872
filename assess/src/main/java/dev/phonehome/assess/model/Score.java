package dev.phonehome.assess.model;

import dev.phonehome.core.finding.Severity;
import java.util.List;

/**
 * How a risk's severity was computed (see {@code docs/assessment-schema.md#scoring}): the rule's
 * base severity as points (INFO 0 … CRITICAL 4), plus the rule's weight for each factor that
 * holds, clamped to 0–4 and read back as a severity.
 *
 * @param base    the rule's base severity
 * @param factors the factors that held, with the rule's weight for each, in rule order
 * @param points  base points plus weights, clamped
 */
public record Score(Severity base, List<Factor> factors, int points) {
    public Score {
        factors = List.copyOf(factors);
    }

    /** One factor that held and the weight the rule gives it. */
    public record Factor(String factor, int weight) {
    }

    /** The severity {@link #points()} stand for. */
    public Severity severity() {
        return Severity.values()[points];
    }
}
