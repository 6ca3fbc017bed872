package dev.phonehome.core.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Generates {@code trackers.json} and {@code organisations.json} from the shared facts files
 * (Exodus Privacy's tracker list and the OEM SDK facts), merging SDKs both files describe, and
 * the project's organisation research ({@link OrganisationFacts}).
 */
final class TrackerFileGenerator {
    static final String EXODUS = "exodus";
    static final String OEM = "oem-sdks";
    static final String MAINTAINERS = "maintainers";
    static final String EXODUS_DATE = "2025-08-30";
    static final String OEM_DATE = "2026-11-24";

    private final Map<String, Map<String, Object>> trackers = new TreeMap<>();
    private final Map<String, Map<String, Object>> organisations = new TreeMap<>();

    /** A tracker being assembled; list fields hold sourced values keyed by value to merge duplicates. */
    private static final class Draft {
        final String id;
        String name;
        String organisation;
        final TreeSet<String> categories = new TreeSet<>();
        final Map<String, Map<String, Map<String, Object>>> facts = new TreeMap<>();
        final TreeSet<String> notes = new TreeSet<>();
        final List<Map<String, Object>> provenance = new ArrayList<>();
        final List<Map<String, Object>> versionHints = new ArrayList<>();

        Draft(String id) {
            this.id = id;
        }

        void fact(String field, String value, String source, String confidence, String note) {
            Map<String, Map<String, Object>> values = facts.computeIfAbsent(field, f -> new TreeMap<>());
            Map<String, Object> existing = values.get(value);
            if (existing != null) {
                String also = "also listed by " + source;
                Object noted = existing.get("note");
                if (!source.equals(existing.get("source")) && (noted == null || !noted.toString().contains(also))) {
                    existing.merge("note", also, (a, b) -> a + "; " + b);
                }
                return;
            }
            Map<String, Object> v = new TreeMap<>();
            v.put("value", value);
            v.put("source", source);
            putIfPresent(v, "confidence", confidence);
            putIfPresent(v, "note", note);
            values.put(value, v);
        }

        Map<String, Object> toJson() {
            Map<String, Object> t = new TreeMap<>();
            t.put("id", id);
            t.put("name", name);
            t.put("organisation", organisation);
            t.put("categories", List.copyOf(categories));
            facts.forEach((field, values) -> t.put(field, List.copyOf(values.values())));
            if (!notes.isEmpty()) {
                t.put("notes", List.copyOf(notes));
            }
            if (!versionHints.isEmpty()) {
                t.put("version_hints", versionHints);
            }
            t.put("provenance", provenance);
            return t;
        }
    }

    void generate(Path shared, Path kbDir, String kbVersion) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode exodus = mapper.readTree(shared.resolve("exodus-trackers.facts.json").toFile());
        JsonNode oem = mapper.readTree(shared.resolve("oem-sdks.facts.json").toFile());
        OrganisationSeeds.SEEDS.forEach(s -> organisations.put(s.id(), seedOrganisation(s)));

        Map<Integer, List<String>> oemByExodusId = new TreeMap<>();
        for (JsonNode sdk : oem.get("sdks")) {
            sdk.get("exodus_ids").forEach(x -> oemByExodusId.computeIfAbsent(x.asInt(), k -> new ArrayList<>())
                    .add(sdk.get("id").asText()));
        }
        Map<String, Draft> drafts = new TreeMap<>();
        for (JsonNode sdk : oem.get("sdks")) {
            Draft d = oemDraft(sdk);
            drafts.put(d.id, d);
        }
        for (JsonNode e : exodus) {
            int exodusId = e.get("exodus_id").asInt();
            List<String> oemIds = oemByExodusId.getOrDefault(exodusId, List.of());
            Draft d;
            if (oemIds.size() == 1) {
                d = drafts.get(oemIds.get(0));
            } else {
                d = new Draft(uniqueId(drafts, slug(e.get("name").asText()), exodusId));
                d.name = e.get("name").asText();
                d.organisation = exodusOwner(d.name, e.get("website").asText());
                drafts.put(d.id, d);
                oemIds.forEach(o -> d.notes.add("related OEM SDK entry: " + o));
            }
            addExodus(d, e);
        }
        addVersionHints(drafts);
        drafts.values().forEach(d -> trackers.put(d.id, d.toJson()));
        OrganisationFacts.apply(organisations);
        writeFiles(kbDir, kbVersion);
    }

    private static String uniqueId(Map<String, Draft> drafts, String slug, int exodusId) {
        return drafts.containsKey(slug) ? slug + "-" + exodusId : slug;
    }

    private Draft oemDraft(JsonNode sdk) {
        Draft d = new Draft(sdk.get("id").asText());
        d.name = sdk.get("name").asText();
        d.organisation = OrganisationSeeds.oemOwner(d.id);
        sdk.get("categories").forEach(c -> d.categories.add(c.asText()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code_prefixes", "code_prefixes");
        fields.put("domains", "domains");
        fields.put("url_patterns", "url_patterns");
        fields.put("manifest_components", "manifest_components");
        fields.put("manifest_meta_data", "manifest_meta_data");
        fields.put("native_libs", "native_libraries");
        fields.put("oem_system_packages", "system_packages");
        fields.forEach((from, to) -> {
            for (JsonNode fact : sdk.path(from)) {
                String value = fact.get("value").asText();
                if (to.equals("code_prefixes") && !SignatureSyntax.isCodePrefix(value)) {
                    d.notes.add("OEM facts code prefix '" + value + "' is not a Java name and was not imported");
                } else if (to.equals("domains") && !SignatureSyntax.isDomainSuffix(value)) {
                    d.notes.add("OEM facts domain '" + value + "' is not a domain name and was not imported");
                } else {
                    d.fact(to, value, OEM, fact.get("confidence").asText(), oemNote(fact));
                }
            }
        });
        for (JsonNode note : sdk.path("notes")) {
            d.notes.add(note.get("value").asText() + " (confidence " + note.get("confidence").asText() + ")");
        }
        JsonNode owner = sdk.get("owner");
        Map<String, Object> p = provenance(OEM, d.id, OEM_DATE, owner.get("confidence").asText(),
                "owner: " + owner.get("value").asText());
        d.provenance.add(p);
        JsonNode hq = sdk.get("owner_hq_country");
        Map<String, Object> org = organisations.get(d.organisation);
        if (hq.get("value").asText().equals(org.get("country")) && org.get("provenance") instanceof List<?> list
                && list.size() == 1) {
            // The first OEM SDK stating the owner's country becomes the country's source.
            org.put("provenance", List.of(provenance(OEM, d.id, OEM_DATE, hq.get("confidence").asText(),
                    "owner_hq_country " + refs(hq)), list.get(0)));
        }
        return d;
    }

    private static String oemNote(JsonNode fact) {
        String refs = "refs: " + refs(fact);
        return fact.has("note") ? fact.get("note").asText() + "; " + refs : refs;
    }

    private static String refs(JsonNode fact) {
        List<String> refs = new ArrayList<>();
        for (JsonNode ref : fact.path("refs")) {
            refs.add(ref.isTextual() ? ref.asText() : ref.path("kind").asText("ref"));
        }
        return String.join(", ", refs);
    }

    private void addExodus(Draft d, JsonNode e) {
        String id = e.get("exodus_id").asText();
        e.get("categories").forEach(c -> d.categories.add(c.asText()));
        d.provenance.add(provenance(EXODUS, id, EXODUS_DATE, null, e.get("name").asText()));
        for (String code : split(e.get("code_signature").asText())) {
            String prefix = code.replace("\\.", ".");
            if (SignatureSyntax.isCodePrefix(prefix)) {
                d.fact("code_prefixes", prefix, EXODUS, null, null);
            } else if (prefix.startsWith(".") && SignatureSyntax.isCodePrefix(prefix.substring(1))) {
                d.fact("code_regexes", anyDepthRegex(prefix.substring(1)), EXODUS, null,
                        "Exodus signature '" + code + "' names a package or class-name prefix at any depth, which a prefix cannot express");
            } else {
                d.notes.add("Exodus code signature '" + code + "' is not a Java name and was not imported");
            }
        }
        for (String net : split(e.get("network_signature").asText())) {
            addNetworkSignature(d, net);
        }
    }

    /** A class-name regex for a package, or a class-name prefix, found at any depth (as Exodus searches it). */
    private static String anyDepthRegex(String name) {
        return ".*\\." + name.replace(".", "\\.");
    }

    /**
     * Exodus network signatures are regexes searched in host names; most are escaped domains and
     * become suffixes (stricter: {@code x\.com} no longer hits {@code notx.com}). A leading
     * {@code .*\.} or {@code \.} asks for a subdomain; the suffix also covers the apex.
     */
    private static void addNetworkSignature(Draft d, String regex) {
        String plain = regex.replace("\\", "").replaceFirst("^\\.\\*\\.|^\\.", "");
        if (SignatureSyntax.isDomainSuffix(plain)) {
            String note = plain.equals(regex.replace("\\.", ".").replace("\\-", "-")) ? null
                    : "read from Exodus regex '" + regex + "' as the domain it evidently names";
            d.fact("domains", plain, EXODUS, null, note);
        } else if (plain.matches("[0-9.]+:[0-9]+/.*")) {
            String ip = plain.substring(0, plain.indexOf(':'));
            d.fact("host_regexes", "^" + ip.replace(".", "\\.") + "$", EXODUS, null,
                    "Exodus signature '" + regex + "' names an address with port and path; only the address is kept");
        } else {
            d.fact("host_regexes", regex, EXODUS, null,
                    "Exodus regex kept as written: not expressible as a domain suffix");
        }
    }

    private static List<String> split(String signature) {
        return signature.isEmpty() ? List.of() : List.of(signature.split("\\|"));
    }

    /** Version constants the maintainers know from the SDKs' public sources. */
    private static void addVersionHints(Map<String, Draft> drafts) {
        hint(drafts.get("sensors-data"), "com.sensorsdata.analytics.android.sdk.SensorsDataAPI", "VERSION");
        drafts.values().stream().filter(d -> d.name.equals("Facebook Analytics")).findFirst()
                .ifPresent(d -> hint(d, "com.facebook.FacebookSdkVersion", "BUILD"));
    }

    private static void hint(Draft d, String className, String field) {
        Map<String, Object> h = new TreeMap<>();
        h.put("class_name", className);
        h.put("field", field);
        h.put("source", MAINTAINERS);
        h.put("confidence", "medium");
        d.versionHints.add(h);
    }

    private String exodusOwner(String name, String website) {
        String domain = registrableDomain(website);
        return OrganisationSeeds.ownerOf(name, domain).orElseGet(() -> {
            String id = OrganisationSeeds.AGGREGATOR_SITES.contains(domain) || domain.isEmpty()
                    ? "org-" + slug(name) : "org-" + slug(domain);
            Map<String, Object> org = organisations.get(id);
            if (org == null) {
                org = new TreeMap<>();
                org.put("id", id);
                org.put("name", name);
                org.put("provenance", List.of(provenance(EXODUS, website, EXODUS_DATE, "low",
                        "organisation inferred from the tracker's name and website")));
                organisations.put(id, org);
            } else {
                org.put("name", domain);
            }
            return id;
        });
    }

    static String registrableDomain(String url) {
        String host = URI.create(url.trim()).getHost();
        if (host == null) {
            return "";
        }
        List<String> labels = List.of(host.toLowerCase(Locale.ROOT).split("\\."));
        int keep = labels.size() > 2 && List.of("co", "com", "ac", "ne", "or").contains(labels.get(labels.size() - 2))
                ? 3 : 2;
        return labels.subList(Math.max(0, labels.size() - keep), labels.size()).stream()
                .collect(Collectors.joining("."));
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static Map<String, Object> seedOrganisation(OrganisationSeeds.Seed s) {
        Map<String, Object> o = new TreeMap<>();
        o.put("id", s.id());
        o.put("name", s.name());
        putIfPresent(o, "parent", s.parent());
        o.put("country", s.country());
        putIfPresent(o, "dpf_certified", s.dpfCertified());
        o.put("provenance", List.of(provenance(MAINTAINERS, null, OEM_DATE, "medium", s.dpfCertified() == null
                ? "general knowledge" : "general knowledge; DPF certification as listed on dataprivacyframework.gov")));
        return o;
    }

    static Map<String, Object> provenance(String source, String ref, String date, String confidence, String note) {
        Map<String, Object> p = new TreeMap<>();
        p.put("source", source);
        putIfPresent(p, "ref", ref);
        p.put("date", date);
        putIfPresent(p, "confidence", confidence);
        putIfPresent(p, "note", note);
        return p;
    }

    static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private void writeFiles(Path kbDir, String kbVersion) {
        Map<String, Object> exodusSource = source(EXODUS, "Tracker signatures derived from Exodus Privacy's tracker list",
                "https://reports.exodus-privacy.eu.org/api/trackers, snapshot shipped by MobSF "
                        + "(MobSF/Mobile-Security-Framework-MobSF mobsf/signatures/exodus_trackers)",
                "de7bf03656020bec3fb19dc4f8e4fc140da1e548", EXODUS_DATE,
                "The snapshot does not state a licence for the tracker data; MobSF ships exodus-core's "
                        + "AGPL-3.0 licence, which covers the exodus-core code. Check Exodus Privacy's terms "
                        + "before redistributing. Only names, prefixes, domains and categories were taken.");
        Map<String, Object> oemSource = source(OEM, "OEM and Chinese-market SDK facts compiled by the phonehome project",
                "oem-sdks.facts.json; each fact's refs are keys of that file's references table (blocker rules, "
                        + "LibChecker rules, TrackerControl hosts and X-Ray, hagezi lists, vendor SDK repositories)",
                null, OEM_DATE, "Facts only (names, prefixes, domains); upstream licences listed per reference");
        Map<String, Object> maintainers = source(MAINTAINERS, "phonehome maintainers",
                "general knowledge of the maintainers, to be replaced by citable sources", null, OEM_DATE, null);
        Map<String, Object> orgPages = source(OrganisationFacts.SOURCE,
                "Organisation headquarters researched by the phonehome project in public web pages",
                "core/src/test/resources/" + OrganisationFacts.FILE + "; each fact's ref is the page that states the country",
                null, OrganisationFacts.researched(), "Facts only (country, legal name); the pages' texts are not copied");
        Map<String, Object> trackerProvenance = Map.of("sources", List.of(exodusSource, oemSource, maintainers, orgPages),
                "generated_by", "core/src/test/java/dev/phonehome/core/kb/TrackerFileGenerator.java");
        KbJsonWriter.write(kbDir.resolve("trackers.json"), kbVersion, trackerProvenance,
                Map.of("trackers", List.copyOf(trackers.values())));
        KbJsonWriter.write(kbDir.resolve("organisations.json"), kbVersion, trackerProvenance,
                Map.of("organisations", List.copyOf(organisations.values())));
    }

    static Map<String, Object> source(String id, String title, String origin, String snapshot, String date,
                                      String licence) {
        Map<String, Object> s = new TreeMap<>();
        s.put("id", id);
        s.put("title", title);
        s.put("origin", origin);
        putIfPresent(s, "snapshot", snapshot);
        s.put("date", date);
        putIfPresent(s, "licence", licence);
        return s;
    }
}
