package dev.phonehome.assess.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.phonehome.assess.TrafficSample;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.core.json.CanonicalJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Real output against the published schemas: ours (draft 2020-12) and SARIF 2.1.0 (draft-04). */
class ReportValidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ASSESSMENT_SCHEMA = Path.of("..", "docs", "assessment-schema.json");

    private final Assessment assessment = TrafficSample.assessment();

    @Test
    void assessmentJsonFollowsTheDocumentedSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.newInputStream(ASSESSMENT_SCHEMA));
        JsonNode doc = JSON.readTree(CanonicalJson.toString(assessment));
        assertThat(doc.get("exchanges")).isNotEmpty();
        assertThat(doc.get("risks")).isNotEmpty();
        assertThat(schema.validate(doc)).isEmpty();
    }

    @Test
    void theSchemaRejectsADocumentThatBreaksIt() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.newInputStream(ASSESSMENT_SCHEMA));
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(CanonicalJson.toString(assessment));
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("risks").get(0)).put("severity", "SEVERE");
        assertThat(schema.validate(doc)).isNotEmpty();
    }

    @Test
    void sarifFollowsTheSarif210Schema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(Files.newInputStream(SarifSchema.path()));
        JsonNode sarif = JSON.readTree(SarifReport.render(assessment, "0.1.0"));
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertThat(errors).isEmpty();
        assertThat(sarif.at("/runs/0/results")).isNotEmpty();
        ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.at("/runs/0/results/0")).put("level", "severe");
        assertThat(schema.validate(sarif)).isNotEmpty();
    }
}
