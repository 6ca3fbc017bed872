package dev.phonehome.assess.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phonehome.assess.model.AppEntry;
import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Risk;
import dev.phonehome.assess.model.RiskEvidence;
import dev.phonehome.assess.model.RuleInfo;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.json.CanonicalJson;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The risk register as SARIF 2.1.0, for CI and code-scanning dashboards: one rule per risk rule
 * (stable ids), one result per risk with its fingerprint, the app files as physical locations
 * and the classes, methods and exchanges of its evidence as logical locations. Suppressed risks
 * carry an external suppression with the reason.
 */
public final class SarifReport {
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /** Locations listed per result; the JSON has all the evidence. */
    static final int MAX_LOCATIONS = 10;

    private SarifReport() {
    }

    public static String render(Assessment a, String toolVersion) {
        ObjectNode root = CanonicalJson.mapper().createObjectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "phonehome");
        driver.put("version", toolVersion);
        driver.put("semanticVersion", toolVersion);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo r : a.rules()) {
            index.put(r.id(), index.size());
            rule(rules.addObject(), r);
        }
        Map<String, AppEntry> apps = new HashMap<>();
        a.apps().forEach(app -> apps.put(app.id(), app));
        Map<String, String> captureOf = new HashMap<>();
        a.exchanges().forEach(x -> captureOf.put(x.exchange().id(), x.exchange().capture()));
        ArrayNode results = run.putArray("results");
        for (Risk risk : a.risks()) {
            result(results.addObject(), risk, index.getOrDefault(risk.id(), -1), apps, captureOf);
        }
        ObjectNode props = run.putObject("properties");
        props.put("schema", a.schema());
        props.put("knowledgeBase", a.inputs().knowledgeBase());
        props.put("rules", a.inputs().rules());
        return CanonicalJson.toString(root);
    }

    private static void rule(ObjectNode o, RuleInfo r) {
        o.put("id", r.id());
        o.put("name", r.id().replace("-", ""));
        o.putObject("shortDescription").put("text", r.title());
        o.putObject("fullDescription").put("text", r.rationale());
        o.putObject("help").put("text", "Lower by: " + r.lowerBy());
        if (!r.references().isEmpty()) {
            o.put("helpUri", r.references().get(0).url());
        }
        o.putObject("defaultConfiguration").put("level", level(r.severity()));
        ObjectNode props = o.putObject("properties");
        props.put("category", r.category().name());
        props.put("severity", r.severity().name());
        props.putArray("tags").add("privacy").add(r.category().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static void result(ObjectNode o, Risk risk, int ruleIndex, Map<String, AppEntry> apps,
                               Map<String, String> captureOf) {
        o.put("ruleId", risk.id());
        if (ruleIndex >= 0) {
            o.put("ruleIndex", ruleIndex);
        }
        o.put("level", level(risk.severity()));
        o.putObject("message").put("text", risk.title() + " (" + risk.severity() + ", " + risk.level() + ")");
        ArrayNode locations = o.putArray("locations");
        Set<String> seen = new LinkedHashSet<>();
        for (RiskEvidence e : risk.evidence()) {
            String key = e.app().orElse("") + '\n' + e.exchange().orElse(e.location());
            if (seen.size() == MAX_LOCATIONS || !seen.add(key)) {
                continue;
            }
            location(locations.addObject(), e, apps, captureOf);
        }
        o.putObject("partialFingerprints").put("phonehomeRisk/v1", risk.fingerprint());
        risk.suppression().ifPresent(reason -> o.putArray("suppressions").addObject()
                .put("kind", "external").put("status", "accepted").put("justification", reason));
        ObjectNode props = o.putObject("properties");
        props.put("category", risk.category().name());
        props.put("severity", risk.severity().name());
        props.put("evidenceLevel", risk.level().name());
        props.put("subject", risk.subject());
        ArrayNode affected = props.putArray("apps");
        risk.apps().forEach(affected::add);
    }

    private static void location(ObjectNode o, RiskEvidence e, Map<String, AppEntry> apps,
                                 Map<String, String> captureOf) {
        String artifact = e.exchange().isPresent()
                ? captureOf.getOrDefault(e.exchange().get(), "capture")
                : e.app().map(apps::get).map(app -> app.locations().get(0)).orElse(e.app().orElse("firmware"));
        o.putObject("physicalLocation").putObject("artifactLocation").put("uri", Uris.relative(artifact));
        ObjectNode logical = o.putArray("logicalLocations").addObject();
        if (e.exchange().isPresent()) {
            logical.put("name", e.exchange().get());
            logical.put("fullyQualifiedName", "exchange " + e.exchange().get() + e.path().map(p -> " " + p).orElse(""));
            logical.put("kind", "resource");
        } else {
            String code = CodeLocations.member(e.location());
            logical.put("fullyQualifiedName", code);
            logical.put("kind", CodeLocations.kind(e.location()));
        }
        o.putObject("message").put("text", e.detail());
    }

    /** SARIF's three result levels. */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }
}
