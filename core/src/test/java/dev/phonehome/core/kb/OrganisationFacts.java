package dev.phonehome.core.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The project's own research into where tracker organisations have their headquarters
 * ({@code kb-facts/organisation-hq.facts.json}): each fact cites the page that states the
 * country, or that an organisation is part of another. {@link TrackerFileGenerator} sets those
 * countries and parents, with the page as provenance, where no other source has set them.
 */
final class OrganisationFacts {
    static final String SOURCE = "org-pages";
    static final String FILE = "kb-facts/organisation-hq.facts.json";

    /** One researched fact. */
    record Fact(String organisation, String country, String url, String evidence, String confidence,
            String legalName, String note) {
    }

    /** A researched ownership link: {@code organisation} is a product or subsidiary of {@code parent}. */
    record Parent(String organisation, String parent, String url, String evidence) {
    }

    private OrganisationFacts() {
    }

    static JsonNode file() {
        try (InputStream in = OrganisationFacts.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is not on the test classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String researched() {
        return file().get("researched").asText();
    }

    static List<Fact> facts() {
        List<Fact> facts = new ArrayList<>();
        for (JsonNode f : file().get("facts")) {
            facts.add(new Fact(f.get("organisation").asText(), f.get("country").asText(), f.get("url").asText(),
                    f.get("evidence").asText(), f.get("confidence").asText(), text(f, "legal_name"), text(f, "note")));
        }
        return facts;
    }

    static List<Parent> parents() {
        List<Parent> parents = new ArrayList<>();
        JsonNode links = file().get("parents");
        if (links != null) {
            for (JsonNode p : links) {
                parents.add(new Parent(p.get("organisation").asText(), p.get("parent").asText(), p.get("url").asText(),
                        p.get("evidence").asText()));
            }
        }
        return parents;
    }

    /** Organisations searched for and not placed. */
    static List<String> notFound() {
        List<String> ids = new ArrayList<>();
        file().get("not_found").forEach(f -> ids.add(f.get("organisation").asText()));
        return ids;
    }

    /**
     * Sets each fact's country on its organisation when the organisation has none yet; the
     * provenance names the page, the confidence and, in the note, what the page says.
     */
    static void apply(Map<String, Map<String, Object>> organisations) {
        String date = researched();
        for (JsonNode missing : file().get("not_found")) {
            String id = missing.get("organisation").asText();
            Map<String, Object> org = organisation(organisations, id);
            addProvenance(org, TrackerFileGenerator.provenance(SOURCE, null, date, null,
                    "headquarters searched for, not found: " + missing.get("note").asText()));
        }
        for (Fact f : facts()) {
            Map<String, Object> org = organisation(organisations, f.organisation());
            if (org.get("country") != null) {
                continue;
            }
            org.put("country", f.country());
            StringBuilder note = new StringBuilder(f.evidence());
            if (f.legalName() != null) {
                note.append("; legal name ").append(f.legalName());
            }
            if (f.note() != null) {
                note.append("; ").append(f.note());
            }
            addProvenance(org, TrackerFileGenerator.provenance(SOURCE, f.url(), date, f.confidence(), note.toString()));
        }
        for (Parent p : parents()) {
            Map<String, Object> org = organisation(organisations, p.organisation());
            organisation(organisations, p.parent());
            if (org.get("parent") != null) {
                continue;
            }
            org.put("parent", p.parent());
            addProvenance(org, TrackerFileGenerator.provenance(SOURCE, p.url(), date, null,
                    "part of " + p.parent() + ": " + p.evidence()));
        }
    }

    private static Map<String, Object> organisation(Map<String, Map<String, Object>> organisations, String id) {
        Map<String, Object> org = organisations.get(id);
        if (org == null) {
            throw new IllegalStateException(FILE + ": unknown organisation '" + id + "'");
        }
        return org;
    }

    private static void addProvenance(Map<String, Object> org, Map<String, Object> entry) {
        List<Object> provenance = new ArrayList<>((List<?>) org.get("provenance"));
        provenance.add(entry);
        org.put("provenance", provenance);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
