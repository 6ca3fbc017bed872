package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JurisdictionsTest {
    private final Jurisdictions jurisdictions = KnowledgeBase.load().jurisdictions();
    private static final Organisation CERTIFIED = organisation(true);
    private static final Organisation NOT_CERTIFIED = organisation(false);
    private static final Organisation UNKNOWN = organisation(null);

    private static Organisation organisation(Boolean dpf) {
        return new Organisation("o", "O", null, "US", dpf, List.of());
    }

    private Regime.Kind kind(String country, Organisation org, String date) {
        return jurisdictions.regimeOf(country, org, LocalDate.parse(date)).kind();
    }

    @Test
    void eeaMembersAndTheirDates() {
        assertThat(kind("DE", null, "2020-01-01")).isEqualTo(Regime.Kind.EEA);
        assertThat(kind("no", null, "2020-01-01")).isEqualTo(Regime.Kind.EEA);
        assertThat(kind("HR", null, "2013-06-30")).isEqualTo(Regime.Kind.THIRD_COUNTRY);
        assertThat(kind("HR", null, "2013-07-01")).isEqualTo(Regime.Kind.EEA);
        assertThat(jurisdictions.eeaMembers().stream().filter(m -> m.until() == null)).hasSize(30);
    }

    @Test
    void unitedKingdomLeavesTheEuAndIsCoveredByTheBridgeThenAdequacyThenTheRenewal() {
        assertThat(kind("GB", null, "2020-12-31")).isEqualTo(Regime.Kind.EEA);
        Regime bridge = jurisdictions.regimeOf("GB", null, LocalDate.parse("2021-01-15"));
        assertThat(bridge.kind()).isEqualTo(Regime.Kind.ADEQUATE);
        assertThat(bridge.decision().decision()).contains("FINPROV.10A");
        assertThat(kind("GB", null, "2021-06-28")).isEqualTo(Regime.Kind.ADEQUATE);
        assertThat(kind("GB", null, "2030-01-01")).isEqualTo(Regime.Kind.ADEQUATE);
        assertThat(kind("GB", null, "2032-01-01")).isEqualTo(Regime.Kind.THIRD_COUNTRY);
    }

    @Test
    void unitedStatesDependsOnCertificationAndDate() {
        assertThat(kind("US", CERTIFIED, "2024-01-01")).isEqualTo(Regime.Kind.ADEQUATE);
        assertThat(kind("US", NOT_CERTIFIED, "2024-01-01")).isEqualTo(Regime.Kind.THIRD_COUNTRY);
        Regime unknown = jurisdictions.regimeOf("US", UNKNOWN, LocalDate.parse("2024-01-01"));
        assertThat(unknown.kind()).isEqualTo(Regime.Kind.ADEQUATE_IF_IN_SCOPE);
        assertThat(unknown.condition()).contains("2023/1795");
        assertThat(kind("US", CERTIFIED, "2021-01-01")).isEqualTo(Regime.Kind.THIRD_COUNTRY);
        assertThat(kind("US", CERTIFIED, "2018-01-01")).isEqualTo(Regime.Kind.ADEQUATE_IF_IN_SCOPE);
    }

    @Test
    void canadaCoversCommercialOrganisations() {
        assertThat(kind("CA", UNKNOWN, "2024-01-01")).isEqualTo(Regime.Kind.ADEQUATE);
        assertThat(kind("CA", null, "2024-01-01")).isEqualTo(Regime.Kind.ADEQUATE_IF_IN_SCOPE);
    }

    @Test
    void brazilFromItsDecisionDate() {
        assertThat(kind("BR", null, "2026-01-25")).isEqualTo(Regime.Kind.THIRD_COUNTRY);
        assertThat(kind("BR", null, "2026-01-26")).isEqualTo(Regime.Kind.ADEQUATE);
    }

    @Test
    void everythingElseIsAThirdCountry() {
        assertThat(kind("CN", null, "2024-01-01")).isEqualTo(Regime.Kind.THIRD_COUNTRY);
        assertThat(kind("SG", null, "2024-01-01")).isEqualTo(Regime.Kind.THIRD_COUNTRY);
        assertThat(kind("JP", null, "2018-12-31")).isEqualTo(Regime.Kind.THIRD_COUNTRY);
        assertThat(kind("JP", null, "2019-01-23")).isEqualTo(Regime.Kind.ADEQUATE);
    }

    @Test
    void internationalOrganisationHasNoCountry() {
        assertThat(jurisdictions.decisions()).filteredOn(d -> d.country() == null)
                .extracting(AdequacyDecision::entity).containsExactly("European Patent Organisation");
    }
}
