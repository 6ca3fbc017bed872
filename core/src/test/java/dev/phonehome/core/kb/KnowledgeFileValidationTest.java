package dev.phonehome.core.kb;

import static dev.phonehome.core.kb.KbFixtures.ORGANISATIONS;
import static dev.phonehome.core.kb.KbFixtures.TRACKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Knowledge files are ours: every defect stops loading with a message naming file and entry. */
class KnowledgeFileValidationTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> rejectingTrackers(String json) {
        return assertThatThrownBy(() -> KbFixtures.trackers(json))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageStartingWith("trackers.json: ");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejectingOrganisations(String json) {
        return assertThatThrownBy(() -> KbFixtures.organisations(json))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageStartingWith("organisations.json: ");
    }

    @Test
    void fixturesAreValid() {
        assertThat(KbFixtures.trackers(TRACKERS).byId("umeng")).isPresent();
        assertThat(KbFixtures.organisations(ORGANISATIONS).chain("umeng")).hasSize(2);
    }

    @Test
    void missingEntryProvenance() {
        rejectingTrackers(TRACKERS.replace(",\n   \"provenance\": " + KbFixtures.PROVENANCE, ""))
                .hasMessageContaining("tracker 'umeng'").hasMessageContaining("provenance is missing");
    }

    @Test
    void missingFileProvenance() {
        rejectingOrganisations(ORGANISATIONS.replaceFirst("(?s)\"provenance\": \\{.*?]},", ""))
                .hasMessageContaining("header: provenance with at least one source is missing");
    }

    @Test
    void entryCitingAnUndeclaredSource() {
        rejectingOrganisations(ORGANISATIONS.replaceFirst("\"source\": \"src\"", "\"source\": \"elsewhere\""))
                .hasMessageContaining("source 'elsewhere' is not declared");
    }

    @Test
    void unknownOrganisationReference() {
        rejectingTrackers(TRACKERS.replace("\"organisation\": \"umeng\"", "\"organisation\": \"nobody\""))
                .hasMessageContaining("tracker 'umeng': unknown organisation 'nobody'");
    }

    @Test
    void unknownParentAndParentLoop() {
        rejectingOrganisations(ORGANISATIONS.replace("\"parent\": \"alibaba\"", "\"parent\": \"nobody\""))
                .hasMessageContaining("unknown parent organisation 'nobody'");
        rejectingOrganisations(ORGANISATIONS.replace("\"id\": \"alibaba\",", "\"id\": \"alibaba\", \"parent\": \"umeng\","))
                .hasMessageContaining("parent chain loops");
    }

    @Test
    void duplicateIds() {
        rejectingOrganisations(ORGANISATIONS.replace("\"id\": \"umeng\"", "\"id\": \"alibaba\""))
                .hasMessageContaining("organisation 'alibaba': duplicate id");
    }

    @Test
    void invalidCountryCode() {
        rejectingOrganisations(ORGANISATIONS.replaceFirst("\"country\": \"CN\"", "\"country\": \"XX\""))
                .hasMessageContaining("organisation 'alibaba': country 'XX' is not an ISO 3166-1 alpha-2 code");
        rejectingOrganisations(ORGANISATIONS.replaceFirst("\"country\": \"CN\"", "\"country\": \"cn\""))
                .hasMessageContaining("country 'cn'");
    }

    @Test
    void badPrefixes() {
        for (String bad : new String[] {"com..umeng", ".umeng.", "com.umeng-x.", "com/umeng/", "", "1com.x"}) {
            rejectingTrackers(TRACKERS.replace("\"com.umeng.\"", "\"" + bad + "\""))
                    .hasMessageContaining("tracker 'umeng'");
        }
    }

    @Test
    void badDomainSuffix() {
        rejectingTrackers(TRACKERS.replace("\"umeng.com\"", "\"*.umeng.com\""))
                .hasMessageContaining("bad domain suffix '*.umeng.com'");
        rejectingTrackers(TRACKERS.replace("\"umeng.com\"", "\"Umeng.com\""))
                .hasMessageContaining("bad domain suffix");
    }

    @Test
    void regexNeedsAReasonAndMustCompile() {
        String withRegex = TRACKERS.replace("\"domains\":", "\"host_regexes\": [{\"value\": \"mt[0-9]*\\\\.x\\\\.cn\", \"source\": \"src\"%s}],\n \"domains\":");
        rejectingTrackers(withRegex.formatted("")).hasMessageContaining("note explaining why regex");
        assertThat(KbFixtures.trackers(withRegex.formatted(", \"note\": \"numbered hosts\"")).all()).hasSize(1);
        rejectingTrackers(withRegex.replace("mt[0-9]*", "mt[0-9").formatted(", \"note\": \"n\""))
                .hasMessageContaining("bad regex");
    }

    @Test
    void unknownCategory() {
        rejectingTrackers(TRACKERS.replace("\"Analytics\"", "\"Spyware\"")).hasMessageContaining("category 'Spyware' is not one of");
    }

    @Test
    void unknownFieldIsATypoNotAnExtension() {
        rejectingTrackers(TRACKERS.replace("\"code_prefixes\"", "\"code_prefix\"")).hasMessageContaining("code_prefix");
    }

    @Test
    void wrongSchemaVersionAndBadDate() {
        rejectingOrganisations(ORGANISATIONS.replace("\"schema_version\": 1", "\"schema_version\": 2"))
                .hasMessageContaining("header: schema_version is 2, expected 1");
        rejectingOrganisations(ORGANISATIONS.replaceFirst("\"date\": \"2026-01-01\"}]", "\"date\": \"01/01/2026\"}]"))
                .hasMessageContaining("not an ISO date");
    }

    @Test
    void mismatchedKnowledgeBaseVersion() {
        assertThatThrownBy(() -> Organisations.parse("organisations.json", KbFixtures.stream(ORGANISATIONS), "2026.12.03"))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("kb_version is test but the knowledge base is 2026.12.03");
    }

    @Test
    void syntaxErrorsAndTruncation() {
        for (int cut = 0; cut < ORGANISATIONS.length() - 2; cut += 7) {
            String truncated = ORGANISATIONS.substring(0, cut);
            assertThatThrownBy(() -> KbFixtures.organisations(truncated))
                    .as("prefix of %d chars", cut)
                    .isInstanceOf(KnowledgeBaseException.class)
                    .hasMessageStartingWith("organisations.json: ");
        }
    }

    @Test
    void sameSignatureTwiceInOneList() {
        rejectingTrackers(TRACKERS.replace("[{\"value\": \"com.umeng.\", \"source\": \"src\"}]",
                "[{\"value\": \"com.umeng.\", \"source\": \"src\"}, {\"value\": \"com.umeng.\", \"source\": \"src\"}]"))
                .hasMessageContaining("code prefix 'com.umeng.' is listed twice");
    }

    /** A corrupted file either still validates or is refused with a KnowledgeBaseException; nothing else. */
    @Property(tries = 300)
    void randomByteFlipsFailOnlyWithKnowledgeBaseException(@ForAll @IntRange(min = 0, max = 10_000) int position,
                                                          @ForAll @IntRange(min = 1, max = 255) int mask) {
        byte[] bytes = TRACKERS.getBytes(StandardCharsets.UTF_8);
        bytes[position % bytes.length] ^= (byte) mask;
        try {
            Trackers.validate("trackers.json", Trackers.read("trackers.json", new java.io.ByteArrayInputStream(bytes), null),
                    KbFixtures.organisations(ORGANISATIONS));
        } catch (KnowledgeBaseException expected) {
            assertThat(expected.file()).isEqualTo("trackers.json");
        }
    }
}
