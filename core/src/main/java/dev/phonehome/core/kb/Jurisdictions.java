package dev.phonehome.core.kb;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** EEA membership and adequacy decisions, to place a destination country under GDPR on a date. */
public final class Jurisdictions {
    static final String FILE = "kb/jurisdictions.json";

    private static final Set<String> BASES = Set.of("EU", "EEA-EFTA");

    private final List<Membership> memberships;
    private final List<AdequacyDecision> decisions;

    private Jurisdictions(List<Membership> memberships, List<AdequacyDecision> decisions) {
        this.memberships = List.copyOf(memberships);
        this.decisions = List.copyOf(decisions);
    }

    record Document(Integer schemaVersion, String kbVersion, FileProvenance provenance,
                    List<Membership> eeaMembers, List<AdequacyDecision> adequacyDecisions) implements KbDocument {
    }

    static Jurisdictions parse(String file, InputStream in, String kbVersion) {
        Document document = KbFiles.read(file, in, Document.class, kbVersion);
        EntryChecks checks = new EntryChecks(file, document);
        List<Membership> members = checks.nonEmpty(document.eeaMembers(), "eea_members", "eea_members");
        checks.unique(members, m -> m.country() + " " + m.basis() + " " + m.from(), "member");
        for (Membership m : members) {
            String entry = "member '" + m.country() + "'";
            checks.text(m.country(), entry, "country");
            checks.country(m.country(), entry, "country");
            checks.oneOf(m.basis(), BASES, entry, "basis");
            period(checks, entry, m.from(), m.until());
            checks.provenance(m.provenance(), entry);
        }
        List<AdequacyDecision> decisions =
                checks.nonEmpty(document.adequacyDecisions(), "adequacy_decisions", "adequacy_decisions");
        checks.unique(decisions, AdequacyDecision::decision, "decision");
        for (AdequacyDecision d : decisions) {
            String entry = "decision '" + d.decision() + "'";
            checks.text(d.entity(), entry, "entity");
            checks.country(d.country(), entry, "country");
            checks.require(d.scope() != null, entry, "scope is missing");
            period(checks, entry, d.from(), d.until());
            checks.provenance(d.provenance(), entry);
        }
        return new Jurisdictions(members, decisions);
    }

    private static void period(EntryChecks checks, String entry, String from, String until) {
        checks.date(from, entry, "from");
        if (until != null) {
            checks.date(until, entry, "until");
            checks.require(!LocalDate.parse(until).isBefore(LocalDate.parse(from)), entry, "until is before from");
        }
    }

    private static boolean inForce(String from, String until, LocalDate date) {
        return !date.isBefore(LocalDate.parse(from)) && (until == null || !date.isAfter(LocalDate.parse(until)));
    }

    /**
     * The regime of a transfer to {@code country} on {@code date}.
     *
     * @param country      ISO 3166-1 alpha-2 of the destination (case-insensitive)
     * @param organisation the recipient, or null when unknown; decides scoped decisions: the US one
     *                     applies when it is DPF-certified, Canada's to any KB organisation since
     *                     all of them are commercial; the date picks the decision in force
     */
    public Regime regimeOf(String country, Organisation organisation, LocalDate date) {
        String cc = country.toUpperCase(Locale.ROOT);
        for (Membership m : memberships) {
            if (m.country().equals(cc) && inForce(m.from(), m.until(), date)) {
                return new Regime(Regime.Kind.EEA, null, null);
            }
        }
        for (AdequacyDecision d : decisions) {
            if (cc.equals(d.country()) && inForce(d.from(), d.until(), date)) {
                return scoped(d, organisation);
            }
        }
        return new Regime(Regime.Kind.THIRD_COUNTRY, null, null);
    }

    private static Regime scoped(AdequacyDecision d, Organisation organisation) {
        return switch (d.scope()) {
            case ALL -> new Regime(Regime.Kind.ADEQUATE, d, null);
            case COMMERCIAL_ORGANISATIONS -> organisation != null
                    ? new Regime(Regime.Kind.ADEQUATE, d, null)
                    : new Regime(Regime.Kind.ADEQUATE_IF_IN_SCOPE, d, "recipient is a commercial organisation");
            case CERTIFIED_ORGANISATIONS -> {
                // dpf_certified records today's DPF list, so it says nothing about earlier frameworks.
                Boolean certified = organisation == null || d.until() != null ? null : organisation.dpfCertified();
                if (certified == null) {
                    yield new Regime(Regime.Kind.ADEQUATE_IF_IN_SCOPE, d, "recipient is certified under " + d.decision());
                }
                yield certified ? new Regime(Regime.Kind.ADEQUATE, d, null) : new Regime(Regime.Kind.THIRD_COUNTRY, d, null);
            }
        };
    }

    /** Adequacy decisions, in file order. */
    public List<AdequacyDecision> decisions() {
        return decisions;
    }

    /** EEA memberships, in file order. */
    public List<Membership> eeaMembers() {
        return memberships;
    }
}
