package dev.phonehome.assess.report.html;

import dev.phonehome.assess.model.RiskCategory;
import dev.phonehome.assess.report.Html;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.kb.Regime;
import java.util.Locale;
import java.util.Optional;

/** The words and badges the page uses for the assessment's enums. */
public final class Labels {
    private Labels() {
    }

    /** A coloured severity badge; {@code data-severity} filtering reads the same names. */
    public static void severity(Html h, Severity s) {
        h.raw("<span class=\"sev sev-").raw(s.name()).raw("\">").raw(s.name()).raw("</span>");
    }

    public static String category(RiskCategory c) {
        return switch (c) {
            case APP_SECURITY -> "Security of factory-installed apps";
            case PERSONAL_DATA -> "Leakage of personal data";
            case FREEDOM_OF_EXPRESSION -> "Restrictions on freedom of expression";
            case THIRD_COUNTRY_TRANSFER -> "Transfers to third countries";
            case COVERT_COMMUNICATION -> "Covert communication";
            case SUPPLY_CHAIN -> "Supply chain";
        };
    }

    public static String level(EvidenceLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    /** CSS class of a jurisdiction: {@code j-EEA}, {@code j-THIRD_COUNTRY}, ... {@code j-UNKNOWN}. */
    public static String jurisdictionClass(Optional<Regime.Kind> regime) {
        return "j-" + regime.map(Enum::name).orElse("UNKNOWN");
    }

    public static String jurisdiction(Optional<Regime.Kind> regime) {
        return regime.map(r -> switch (r) {
            case EEA -> "EU/EEA";
            case ADEQUATE -> "adequacy decision";
            case ADEQUATE_IF_IN_SCOPE -> "adequacy if the recipient is in scope";
            case THIRD_COUNTRY -> "third country";
        }).orElse("unknown");
    }

    /** The legend of jurisdiction colours, shared by the flow map, the timeline and the tables. */
    public static void jurisdictionLegend(Html h) {
        h.raw("<p class=\"legend\">");
        for (Regime.Kind kind : Regime.Kind.values()) {
            legendItem(h, Optional.of(kind));
        }
        legendItem(h, Optional.empty());
        h.raw("</p>");
    }

    private static void legendItem(Html h, Optional<Regime.Kind> regime) {
        h.raw("<span><i class=\"swatch ").raw(jurisdictionClass(regime)).raw("\"></i>").text(jurisdiction(regime))
                .raw("</span>");
    }
}
