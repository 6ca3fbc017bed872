package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The organisation research file: well-formed facts about known organisations, and nothing left unsaid. */
class OrganisationFactsTest {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final KnowledgeBase KB = KnowledgeBase.load();

    @Test
    void everyFactIsAKnownOrganisationWithACountryAPageAndEvidence() {
        assertThat(OrganisationFacts.facts()).isNotEmpty().allSatisfy(f -> {
            assertThat(KB.organisations().byId(f.organisation())).as(f.organisation()).isPresent();
            assertThat(COUNTRIES).as(f.organisation()).contains(f.country());
            URI url = URI.create(f.url());
            assertThat(url.getScheme()).as(f.organisation()).isIn("http", "https");
            assertThat(url.getHost()).as(f.organisation()).isNotBlank();
            assertThat(f.confidence()).as(f.organisation()).isIn("high", "medium", "low");
            assertThat(f.evidence().split("\\s+")).as(f.organisation() + ": evidence in at most 25 words")
                    .hasSizeBetween(3, 25);
        });
    }

    @Test
    void eachOrganisationIsEitherPlacedOrListedAsNotFoundOnceInOrder() {
        List<String> placed = OrganisationFacts.facts().stream().map(OrganisationFacts.Fact::organisation).toList();
        List<String> notFound = OrganisationFacts.notFound();
        assertThat(placed).doesNotHaveDuplicates().isSorted();
        assertThat(notFound).doesNotHaveDuplicates().isSorted().doesNotContainAnyElementsOf(placed);
        assertThat(notFound).allSatisfy(id -> assertThat(KB.organisations().byId(id)).as(id).isPresent());
    }

    @Test
    void organisationsWithoutACountryAreExactlyThoseTheResearchDidNotPlace() {
        List<String> withoutCountry = new ArrayList<>();
        KB.organisations().all().forEach(o -> {
            if (o.country() == null) {
                withoutCountry.add(o.id());
            }
        });
        assertThat(withoutCountry).containsExactlyInAnyOrderElementsOf(OrganisationFacts.notFound());
    }

    @Test
    void placedOrganisationsCiteTheirPage() {
        Set<String> cited = KB.organisations().all().stream()
                .filter(o -> o.provenance().stream().anyMatch(p -> p.source().equals(OrganisationFacts.SOURCE)))
                .map(Organisation::id).collect(Collectors.toSet());
        OrganisationFacts.facts().forEach(f -> {
            if (cited.contains(f.organisation())) {
                assertThat(KB.organisations().byId(f.organisation()).orElseThrow().country()).isEqualTo(f.country());
            }
        });
        assertThat(cited).isNotEmpty();
    }

    @Test
    void parentLinksJoinKnownOrganisationsCiteAPageAndReachTheKnowledgeBase() {
        List<OrganisationFacts.Parent> parents = OrganisationFacts.parents();
        assertThat(parents.stream().map(OrganisationFacts.Parent::organisation).toList())
                .doesNotHaveDuplicates().isSorted();
        assertThat(parents).allSatisfy(p -> {
            assertThat(KB.organisations().byId(p.parent())).as(p.parent()).isPresent();
            assertThat(p.parent()).as(p.organisation()).isNotEqualTo(p.organisation());
            assertThat(URI.create(p.url()).getScheme()).as(p.organisation()).isIn("http", "https");
            assertThat(p.evidence().split("\\s+")).as(p.organisation() + ": evidence in at most 25 words")
                    .hasSizeBetween(3, 25);
            Organisation org = KB.organisations().byId(p.organisation()).orElseThrow();
            assertThat(org.parent()).as(p.organisation() + " has a parent").isNotNull();
            assertThat(KB.organisations().chain(p.organisation())).extracting(Organisation::id)
                    .as(p.organisation() + "'s chain").contains(p.parent());
        });
    }
}
