package dev.phonehome.assess.model;

import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the risk register.
 *
 * @param id           the rule's stable id, e.g. {@code PH-COV-001}
 * @param fingerprint  stable id of this risk: digest of rule id and subject; what a suppression names
 * @param subject      what the risk is about: an app id or a destination host
 * @param title        one line a person reads
 * @param category     register category
 * @param severity     the scored severity
 * @param score        how the severity was computed
 * @param level        the strongest evidence level reached
 * @param status       open, or suppressed with {@code suppression}
 * @param suppression  the reason recorded in the suppression file
 * @param apps         affected apps, sorted
 * @param destinations affected destination hosts, sorted
 * @param evidence     the evidence, strongest first
 * @param lowerBy      what would lower the risk
 */
public record Risk(String id, String fingerprint, String subject, String title, RiskCategory category,
                   Severity severity, Score score, EvidenceLevel level, RiskStatus status,
                   Optional<String> suppression, List<String> apps, List<String> destinations,
                   List<RiskEvidence> evidence, String lowerBy) implements Comparable<Risk> {

    public Risk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(fingerprint, "fingerprint");
        apps = apps.stream().sorted().distinct().toList();
        destinations = destinations.stream().sorted().distinct().toList();
        evidence = evidence.stream().sorted().toList();
    }

    private static final Comparator<Risk> ORDER = Comparator.comparing(Risk::status)
            .thenComparing(Risk::severity, Comparator.reverseOrder())
            .thenComparing(Risk::category)
            .thenComparing(Risk::id)
            .thenComparing(Risk::subject)
            .thenComparing(Risk::fingerprint);

    /** The same risk accepted for {@code reason}. */
    public Risk suppressed(String reason) {
        return new Risk(id, fingerprint, subject, title, category, severity, score, level, RiskStatus.SUPPRESSED,
                Optional.of(reason), apps, destinations, evidence, lowerBy);
    }

    public boolean open() {
        return status == RiskStatus.OPEN;
    }

    @Override
    public int compareTo(Risk o) {
        return ORDER.compare(this, o);
    }
}
