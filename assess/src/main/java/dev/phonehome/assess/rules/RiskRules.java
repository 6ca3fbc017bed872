package dev.phonehome.assess.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.phonehome.assess.model.RuleInfo;
import dev.phonehome.core.kb.Regime;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The risk rules, read from a versioned JSON file and validated as a whole: a bad file throws
 * {@link RiskRulesException} naming the file and the rule, before anything is evaluated.
 */
public final class RiskRules {
    /** The rules shipped with phonehome, on the class path. */
    public static final String RESOURCE = "rules/risk-rules.json";
    static final int SCHEMA_VERSION = 1;

    private static final Pattern ID = Pattern.compile("PH-[A-Z]{2,4}-\\d{3}");
    private static final Pattern FINDING_RULE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*(\\.\\*)?");
    private static final Set<String> SUBJECTS = Set.of("app", "finding", "host");
    private static final Set<String> REGIMES =
            Arrays.stream(Regime.Kind.values()).map(Enum::name).collect(Collectors.toSet());
    private static final int MAX_WEIGHT = 2;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String version;
    private final List<RiskRule> rules;

    private RiskRules(String version, List<RiskRule> rules) {
        this.version = version;
        this.rules = rules.stream().sorted(Comparator.comparing(RiskRule::id)).toList();
    }

    record Document(Integer schemaVersion, String rulesVersion, Provenance provenance, List<RiskRule> rules) {
    }

    record Provenance(List<Source> sources, String maintainedBy) {
    }

    record Source(String id, String title, String url, String date) {
    }

    /** The shipped rules. */
    public static RiskRules load() {
        InputStream in = RiskRules.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new RiskRulesException(RESOURCE, "file", "not found on the class path");
        }
        return parse(RESOURCE, in);
    }

    /** Parses and validates a rules file; closes the stream. */
    public static RiskRules parse(String file, InputStream in) {
        Document document;
        try (in) {
            document = MAPPER.readValue(in, Document.class);
        } catch (JsonMappingException e) {
            throw new RiskRulesException(file, "at " + path(e), e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new RiskRulesException(file, "syntax", e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RiskRulesException(file, "read", e.getMessage(), e);
        }
        Set<String> sources = header(file, document);
        Set<String> ids = new HashSet<>();
        for (RiskRule rule : document.rules()) {
            check(file, rule, sources);
            if (!ids.add(rule.id())) {
                throw new RiskRulesException(file, "rule '" + rule.id() + "'", "duplicate id");
            }
        }
        return new RiskRules(document.rulesVersion(), document.rules());
    }

    public String version() {
        return version;
    }

    /** The rules, sorted by id. */
    public List<RiskRule> all() {
        return rules;
    }

    public List<RuleInfo> infos() {
        return rules.stream().map(RiskRule::info).toList();
    }

    private static Set<String> header(String file, Document d) {
        if (d == null) {
            throw new RiskRulesException(file, "header", "file is empty");
        }
        if (d.schemaVersion() == null || d.schemaVersion() != SCHEMA_VERSION) {
            throw new RiskRulesException(file, "header",
                    "schema_version is " + d.schemaVersion() + ", expected " + SCHEMA_VERSION);
        }
        if (blank(d.rulesVersion())) {
            throw new RiskRulesException(file, "header", "rules_version is missing");
        }
        if (d.provenance() == null || d.provenance().sources() == null || d.provenance().sources().isEmpty()) {
            throw new RiskRulesException(file, "header", "provenance with at least one source is missing");
        }
        if (d.rules() == null || d.rules().isEmpty()) {
            throw new RiskRulesException(file, "header", "rules are missing or empty");
        }
        Set<String> ids = new HashSet<>();
        for (Source s : d.provenance().sources()) {
            String entry = "source '" + (s == null ? null : s.id()) + "'";
            require(file, entry, s != null && !blank(s.id()) && !blank(s.title()), "id and title are required");
            require(file, entry, isDate(s.date()), "date '" + s.date() + "' is not an ISO date");
            require(file, entry, ids.add(s.id()), "duplicate source id");
        }
        return ids;
    }

    private static void check(String file, RiskRule r, Set<String> sources) {
        require(file, "rule", r != null, "null rule");
        String entry = "rule '" + r.id() + "'";
        require(file, entry, r.id() != null && ID.matcher(r.id()).matches(), "id must look like PH-ABC-001");
        require(file, entry, !blank(r.title()), "title is missing");
        require(file, entry, r.category() != null, "category is missing");
        require(file, entry, r.severity() != null, "severity is missing");
        require(file, entry, !blank(r.rationale()), "rationale is missing");
        require(file, entry, !blank(r.lowerBy()), "lower_by is missing");
        require(file, entry, r.subject() != null && SUBJECTS.contains(r.subject()),
                "subject '" + r.subject() + "' is not one of " + SUBJECTS.stream().sorted().toList());
        match(file, entry, r);
        r.scoring().forEach((factor, weight) -> {
            require(file, entry, Factor.of(factor).isPresent(), "unknown scoring factor '" + factor + "'");
            require(file, entry, weight != null && Math.abs(weight) <= MAX_WEIGHT,
                    "weight of '" + factor + "' must be between -" + MAX_WEIGHT + " and " + MAX_WEIGHT);
        });
        require(file, entry, r.references() != null && !r.references().isEmpty(), "references are missing");
        for (RuleInfo.Reference ref : r.references()) {
            require(file, entry, ref != null && !blank(ref.title()) && ref.url() != null
                    && ref.url().startsWith("https://"), "a reference needs a title and an https url");
        }
        require(file, entry, r.provenance() != null && !r.provenance().isEmpty(), "provenance is missing");
        for (RiskRule.RuleProvenance p : r.provenance()) {
            require(file, entry, p != null && sources.contains(p.source()),
                    "provenance source '" + (p == null ? null : p.source()) + "' is not declared in the header");
            require(file, entry, isDate(p.date()), "provenance date '" + p.date() + "' is not an ISO date");
        }
    }

    private static void match(String file, String entry, RiskRule r) {
        RuleMatch m = r.match();
        require(file, entry, m != null, "match is missing");
        require(file, entry, (m.findings() == null) != (m.traffic() == null),
                "match needs exactly one of findings or traffic");
        if (m.findings() != null) {
            require(file, entry, !m.findings().isEmpty(), "match.findings is empty");
            for (String f : m.findings()) {
                require(file, entry, f != null && FINDING_RULE.matcher(f).matches(),
                        "match.findings '" + f + "' is not a finding rule id");
            }
            require(file, entry, !r.subject().equals("host"), "a findings rule groups by app or finding, not host");
        } else {
            RuleMatch.TrafficMatch t = m.traffic();
            require(file, entry, t.tracker() != null || t.regimes() != null || t.encryptedPayload() != null
                    || t.personalData() != null || t.linked() != null, "match.traffic has no condition");
            if (t.regimes() != null) {
                for (String regime : t.regimes()) {
                    require(file, entry, REGIMES.contains(regime),
                            "regime '" + regime + "' is not one of " + REGIMES.stream().sorted().toList());
                }
            }
            require(file, entry, r.subject().equals("host"), "a traffic rule groups by host");
            require(file, entry, m.where().isEmpty() && m.minSeverity() == null && m.privileged() == null,
                    "where, min_severity and privileged apply to findings rules only");
        }
    }

    private static void require(String file, String entry, boolean ok, String message) {
        if (!ok) {
            throw new RiskRulesException(file, entry, message);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean isDate(String s) {
        try {
            return s != null && LocalDate.parse(s) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("/", "/", ""));
    }
}
