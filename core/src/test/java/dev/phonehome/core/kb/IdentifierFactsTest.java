package dev.phonehome.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** kb/identifiers.json: what the shipped file says, and each defect named by file and entry. */
class IdentifierFactsTest {
    private static final String FILE = "{" + KbFixtures.HEADER + """
            "placeholders": [
              {"value": "unknown", "note": "Build.UNKNOWN", "provenance": %s}],
            "imei_reporting_bodies": [
              {"prefix": "35", "name": "BABT", "provenance": %s}]}
            """.formatted(KbFixtures.PROVENANCE, KbFixtures.PROVENANCE);

    private static IdentifierFacts parse(String json) {
        return IdentifierFacts.parse("identifiers.json", KbFixtures.stream(json), null);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejecting(String json) {
        return assertThatThrownBy(() -> parse(json)).isInstanceOf(KnowledgeBaseException.class)
                .hasMessageStartingWith("identifiers.json: ");
    }

    @Test
    void shippedFacts() {
        IdentifierFacts facts = KnowledgeBase.load().identifierFacts();
        assertThat(facts.placeholders()).contains("00000000-0000-0000-0000-000000000000", "02:00:00:00:00:00", "unknown");
        assertThat(facts.imeiReportingBodies()).containsExactlyInAnyOrder("01", "35", "86", "99");
    }

    @Test
    void fixtureIsValid() {
        assertThat(parse(FILE).placeholders()).containsExactly("unknown");
    }

    @Test
    void placeholdersMustBeLowerCase() {
        rejecting(FILE.replace("\"unknown\"", "\"Unknown\"")).hasMessageContaining("placeholder 'Unknown': value must be lower case");
    }

    @Test
    void prefixesAreTwoDigits() {
        rejecting(FILE.replace("\"35\"", "\"3\"")).hasMessageContaining("reporting body '3': prefix must be two digits");
    }

    @Test
    void entriesNeedProvenance() {
        rejecting(FILE.replace("\"note\": \"Build.UNKNOWN\", \"provenance\": " + KbFixtures.PROVENANCE, "\"note\": \"x\""))
                .hasMessageContaining("placeholder 'unknown': provenance is missing");
    }

    @Test
    void duplicatesAreRefused() {
        rejecting(FILE.replace("\"prefix\": \"35\", \"name\": \"BABT\", \"provenance\": " + KbFixtures.PROVENANCE + "}",
                "\"prefix\": \"35\", \"name\": \"BABT\", \"provenance\": " + KbFixtures.PROVENANCE + "}, {\"prefix\": \"35\", "
                        + "\"name\": \"again\", \"provenance\": " + KbFixtures.PROVENANCE + "}"))
                .hasMessageContaining("reporting body '35': duplicate id");
    }
}
