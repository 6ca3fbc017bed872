package dev.phonehome.core.kb;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Generates the TrackHAR part of {@code sdk-adapters.json} from {@code trackhar-endpoints.facts.json}
 * and keeps the file's hand-curated entries (those not citing TrackHAR under their own id) as they are.
 *
 * <p>TrackHAR's decoding steps become descriptive layers; its JSONPath data paths become
 * {@link FieldSelector}s over our decoders' leaves, with the names its decoding steps give to decoded
 * values resolved back to the fields they came from ({@code uidsParsed} → {@code uids}). Filters
 * that a selector cannot say ({@code [?(...)]}) and endpoints without a fixed domain are left out
 * and counted in the entry's notes.
 */
final class AdapterFileGenerator {
    static final String FILE = "sdk-adapters.json";
    static final String TRACKHAR = "trackhar";
    static final String TRACKHAR_DATE = "2025-10-22";

    /** Our tracker for each TrackHAR tracker whose adapters all belong to one. */
    private static final Map<String, String> TRACKER_OF = Map.ofEntries(
            Map.entry("adcolony", "adcolony"), Map.entry("adform", "adform"), Map.entry("adjust", "adjust"),
            Map.entry("branch-io", "branch"), Map.entry("chartboost", "chartboost"), Map.entry("criteo", "criteo"),
            Map.entry("equativ", "smart"), Map.entry("infonline", "infonline"), Map.entry("ironsource", "ironsource"),
            Map.entry("kidoz", "kidoz"), Map.entry("magnite", "rubicon-project"), Map.entry("mopub", "twitter-mopub"),
            Map.entry("onesignal", "onesignal"), Map.entry("openx", "openx"), Map.entry("outbrain", "outbrain"),
            Map.entry("pubmatic", "pubmatic"), Map.entry("rayjump", "mintegral"), Map.entry("singular-net", "singular"),
            Map.entry("smartbear", "bugsnag"), Map.entry("start-io", "startapp"), Map.entry("taboola", "taboola"),
            Map.entry("unity", "unity3d-ads"), Map.entry("vungle", "vungle"), Map.entry("yandex", "appmetrica"));

    /** Our tracker per adapter, for TrackHAR trackers (companies) that run several of ours. */
    private static final Map<String, String> ADAPTER_TRACKER = Map.ofEntries(
            Map.entry("facebook/graph-activities-json", "facebook-analytics"),
            Map.entry("facebook/graph-activities-qs", "facebook-analytics"),
            Map.entry("facebook/graph", "facebook-analytics"),
            Map.entry("facebook/graph-network-ads-common", "facebook-audience"),
            Map.entry("facebook/adnw-sync2", "facebook-audience"),
            Map.entry("google/doubleclick-mads-gma-body", "google-admob"),
            Map.entry("google/doubleclick-mads-gma-qs", "google-admob"),
            Map.entry("google/doubleclick-getconfig-pubsetting", "google-admob"),
            Map.entry("google/doubleclick-pagead-interaction", "google-admob"),
            Map.entry("google/fundingchoicesmessages", "google-admob"),
            Map.entry("google/doubleclick-cookie-matching-pixel", "google-doubleclick"),
            Map.entry("google/google-publisher-tag", "google-doubleclick"),
            Map.entry("google/googletagmanager-gtag", "google-tag-manager"),
            Map.entry("google/googletagmanager-gtm", "google-tag-manager"),
            Map.entry("google/google-analytics", "google-analytics"),
            Map.entry("google/googledatatransport-firelog-batchlog-json", "firebase-analytics"),
            Map.entry("google/googledatatransport-firelog-batchlog-protobuf", "firebase-analytics"),
            Map.entry("microsoft/appcenter-logs", "microsoft-visual-studio-app-center-analytics"),
            Map.entry("microsoft/adnxs-ib-ut-v3-prebid", "appnexus"),
            Map.entry("microsoft/adnxs-ib-openrtb2-prebid", "appnexus"),
            Map.entry("microsoft/adnxs-ib-getuid", "appnexus"),
            Map.entry("microsoft/adnxs-ib-setuid", "appnexus"));

    /** TrackHAR adapters a hand-curated entry replaces, by the curated entry's id. */
    static final Map<String, String> SUPERSEDED = Map.of("google/app-measurement", "firebase-analytics/app-measurement");

    private static final Map<String, String> LAYER_OF = Map.of(
            "parseQueryString", "form", "parseJson", "json", "decodeBase64", "base64",
            "decodeProtobuf", "protobuf", "decodeJwt", "jwt", "gunzip", "gzip");
    private static final Pattern LITERAL_HOST = Pattern.compile("(?:[a-z0-9-]|\\\\\\.)+");
    private static final Pattern QUOTED_KEY = Pattern.compile("\\$\\[\"([^\"]+)\"]");
    private static final Pattern STARTS_WITH = Pattern.compile("\\$\\[\\?\\(@property\\.startsWith\\(\"([A-Za-z0-9_-]+)\"\\)\\)]");
    private static final Pattern SIMPLE_PATH = Pattern.compile("[A-Za-z0-9_$-]+(?:\\.(?:[A-Za-z0-9_$-]+|\\*))*");

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param current the committed file, whose hand-curated entries and sources are kept (may be absent)
     * @param outDir  where to write {@value #FILE}
     */
    void generate(Path shared, Path current, Path outDir, String kbVersion) throws IOException {
        JsonNode facts = mapper.readTree(shared.resolve("trackhar-endpoints.facts.json").toFile());
        Map<String, Object> existing = Files.isRegularFile(current)
                ? mapper.readValue(current.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { })
                : Map.of();
        Map<String, Map<String, Object>> adapters = new TreeMap<>();
        for (JsonNode a : facts.get("adapters")) {
            String id = a.get("adapter_id").asText();
            String tracker = ADAPTER_TRACKER.getOrDefault(id, TRACKER_OF.get(a.get("tracker_slug").asText()));
            if (tracker != null && !SUPERSEDED.containsKey(id)) {
                convert(a, tracker).ifPresent(entry -> adapters.put(id, entry));
            }
        }
        curatedEntries(existing).forEach(e -> adapters.put((String) e.get("id"), e));
        List<Map<String, Object>> properties = new ArrayList<>();
        for (JsonNode p : facts.get("standard_properties")) {
            Map<String, Object> property = new TreeMap<>();
            property.put("name", p.get("name").asText());
            property.put("label", p.get("label_en").asText());
            property.put("source", TRACKHAR);
            properties.add(property);
        }
        properties.sort((x, y) -> ((String) x.get("name")).compareTo((String) y.get("name")));
        Map<String, List<?>> lists = new LinkedHashMap<>();
        lists.put("standard_properties", properties);
        lists.put("adapters", List.copyOf(adapters.values()));
        KbJsonWriter.write(outDir.resolve(FILE), kbVersion, provenance(existing, facts), lists);
    }

    /** Entries of the current file that are not generated: hand-curated, kept verbatim. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> curatedEntries(Map<String, Object> existing) {
        List<Map<String, Object>> curated = new ArrayList<>();
        for (Object o : (List<Object>) existing.getOrDefault("adapters", List.of())) {
            Map<String, Object> entry = (Map<String, Object>) o;
            boolean generated = ((List<Map<String, Object>>) entry.get("provenance")).stream()
                    .anyMatch(p -> TRACKHAR.equals(p.get("source")) && entry.get("id").equals(p.get("ref")));
            if (!generated) {
                curated.add(entry);
            }
        }
        return curated;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> provenance(Map<String, Object> existing, JsonNode facts) {
        JsonNode source = facts.get("source");
        List<Object> sources = new ArrayList<>();
        sources.add(TrackerFileGenerator.source(TRACKHAR, "TrackHAR adapters: endpoints, decoding steps, data paths "
                        + "and the standard property vocabulary",
                source.get("repo").asText() + " src/adapters/*.ts, i18n/en.json, via shared/data/trackhar-endpoints.facts.json",
                source.get("commit").asText(), TRACKHAR_DATE, source.get("license").asText()));
        Map<String, Object> header = (Map<String, Object>) existing.getOrDefault("provenance", Map.of());
        for (Object s : (List<Object>) header.getOrDefault("sources", List.of())) {
            if (!TRACKHAR.equals(((Map<String, Object>) s).get("id"))) {
                sources.add(s);
            }
        }
        Map<String, Object> provenance = new TreeMap<>();
        provenance.put("sources", sources);
        provenance.put("generated_by", "core/src/test/java/dev/phonehome/core/kb/AdapterFileGenerator.java for the "
                + "entries citing trackhar under their own id; the other entries are hand-curated");
        return provenance;
    }

    private java.util.Optional<Map<String, Object>> convert(JsonNode a, String tracker) {
        String id = a.get("adapter_id").asText();
        Set<String> notes = new LinkedHashSet<>();
        List<Map<String, Object>> endpoints = new ArrayList<>();
        Set<String> seenEndpoints = new LinkedHashSet<>();
        for (JsonNode url : a.get("endpoint_urls")) {
            List<Map<String, Object>> converted = endpoint(url);
            if (converted.isEmpty()) {
                notes.add("endpoint pattern '" + url.get("pattern").asText() + "' names no fixed domain and is not imported");
            }
            converted.stream().filter(e -> seenEndpoints.add(e.toString())).forEach(endpoints::add);
        }
        if (endpoints.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<String, String> aliases = aliases(a.get("decoding_steps"));
        Set<Map<String, Object>> fields = new LinkedHashSet<>();
        int skipped = 0;
        for (JsonNode property : a.get("data_paths")) {
            for (JsonNode path : property.get("paths")) {
                Map<String, Object> field = field(property.get("property").asText(), path, aliases, notes);
                if (field == null) {
                    skipped++;
                } else {
                    fields.add(field);
                }
            }
        }
        if (skipped > 0) {
            notes.add(skipped + " TrackHAR data paths use JSONPath filters or the URL path and are not imported");
        }
        if (a.get("has_extra_match_filter").asBoolean()) {
            notes.add("TrackHAR narrows this endpoint with a request filter that is not reproduced; where adapters "
                    + "share an endpoint, the one whose fields select most values wins");
        }
        Map<String, Object> entry = new TreeMap<>();
        entry.put("id", id);
        entry.put("tracker", tracker);
        entry.put("name", a.get("adapter_name").asText());
        entry.put("endpoints", endpoints);
        entry.put("decoding", decoding(a.get("decoding_steps"), aliases));
        List<Map<String, Object>> sortedFields = new ArrayList<>(fields);
        sortedFields.sort((x, y) -> fieldKey(x).compareTo(fieldKey(y)));
        entry.put("fields", sortedFields);
        if (!notes.isEmpty()) {
            entry.put("notes", List.copyOf(notes));
        }
        entry.put("provenance", List.of(TrackerFileGenerator.provenance(TRACKHAR, id, TRACKHAR_DATE, null,
                a.get("source_file").asText())));
        return java.util.Optional.of(entry);
    }

    private static String fieldKey(Map<String, Object> f) {
        return f.get("property") + "\t" + f.get("context") + "\t" + f.get("selector") + "\t" + f;
    }

    /** Exact URLs become host and path; regexes a domain (the fixed suffix of the host regex) plus regexes. */
    private static List<Map<String, Object>> endpoint(JsonNode url) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (url.get("type").asText().equals("exact")) {
            Map<String, Object> e = new TreeMap<>();
            e.put("host", url.get("host").asText().toLowerCase(Locale.ROOT));
            e.put("path", normalisedPath(url.get("path").asText()));
            out.add(e);
            return out;
        }
        String hostRegex = url.get("host_regex").asText().replaceFirst("^\\^", "");
        String pathRegex = "^" + url.get("path_regex").asText();
        if (LITERAL_HOST.matcher(hostRegex).matches()) {
            Map<String, Object> e = new TreeMap<>();
            e.put("host", hostRegex.replace("\\.", "."));
            e.put("path_regex", pathRegex);
            out.add(e);
            return out;
        }
        for (String domain : domains(hostRegex)) {
            Map<String, Object> e = new TreeMap<>();
            e.put("domain", domain);
            e.put("host_regex", "^" + hostRegex + "$");
            e.put("path_regex", pathRegex);
            out.add(e);
        }
        return out;
    }

    static String normalisedPath(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * The domains a host regex is confined to: its fixed trailing labels, one per alternative when it
     * ends with an alternation ({@code adjust\.(com|world)}); none when its end is not fixed ({@code google\..+}).
     */
    static List<String> domains(String regex) {
        List<String> out = new ArrayList<>();
        if (regex.endsWith(")")) {
            int open = matchingOpen(regex);
            String prefix = regex.substring(0, open);
            for (String alternative : regex.substring(open + 1, regex.length() - 1).split("\\|")) {
                out.addAll(domains(prefix + alternative));
            }
            return out;
        }
        StringBuilder literal = new StringBuilder();
        int i = regex.length();
        while (i > 0) {
            char c = regex.charAt(i - 1);
            if (c == '.' && i >= 2 && regex.charAt(i - 2) == '\\') {
                literal.append('.');
                i -= 2;
            } else if (Character.isLetterOrDigit(c) || c == '-'
                    || (c == '.' && i >= 2 && Character.isLetterOrDigit(regex.charAt(i - 2)))) {
                // an unescaped dot between letters (api\.vungle.com) is meant as a dot
                literal.append(c);
                i--;
            } else {
                break;
            }
        }
        String fixed = literal.reverse().toString();
        String domain = i == 0 ? fixed : fixed.substring(fixed.indexOf('.') + 1);
        if (SignatureSyntax.isDomainSuffix(domain) && (i == 0 || fixed.contains("."))) {
            out.add(domain);
        }
        return out;
    }

    private static int matchingOpen(String regex) {
        int depth = 0;
        for (int i = regex.length() - 1; i >= 0; i--) {
            char c = regex.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && --depth == 0) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Where each value a decoding step names came from ({@code res.cookie.uidsParsed} →
     * {@code res.cookie.uids}), so selectors can name the field the decoders see.
     */
    private static Map<String, String> aliases(JsonNode steps) {
        Map<String, String> aliases = new HashMap<>();
        for (JsonNode step : steps) {
            if (!step.has("input")) {
                continue;
            }
            String input = resolve(aliases, canonical(step.get("input").asText()));
            String path = step.path("options").path("path").asText("$").replaceFirst("^\\$\\.", "");
            String from = path.equals("$") ? input : input + "." + path;
            String output = canonical(step.get("output").asText());
            if (!output.equals(from)) {
                aliases.put(output, from);
            }
        }
        return aliases;
    }

    /** TrackHAR's raw {@code body} and decoded {@code res.body} are one context here. */
    private static String canonical(String name) {
        return name.startsWith("res.") ? name.substring(4) : name;
    }

    /** {@code name} with its longest aliased prefix replaced, repeatedly (a few hops at most). */
    private static String resolve(Map<String, String> aliases, String name) {
        String resolved = name;
        for (int hops = 0; hops < 8; hops++) {
            String[] parts = resolved.split("\\.");
            String replaced = null;
            for (int k = parts.length; k > 0 && replaced == null; k--) {
                String prefix = String.join(".", java.util.Arrays.copyOf(parts, k));
                if (aliases.containsKey(prefix)) {
                    String rest = resolved.substring(prefix.length());
                    replaced = aliases.get(prefix) + rest;
                }
            }
            if (replaced == null || replaced.equals(resolved)) {
                return resolved;
            }
            resolved = replaced;
        }
        return resolved;
    }

    private static List<Map<String, Object>> decoding(JsonNode steps, Map<String, String> aliases) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode step : steps) {
            String layer = LAYER_OF.get(step.get("function").asText());
            if (layer == null || !step.has("input")) {
                continue;
            }
            String input = resolve(aliases, canonical(step.get("input").asText()));
            int dot = input.indexOf('.');
            String context = dot < 0 ? input : input.substring(0, dot);
            if (!SdkAdapterCatalog.CONTEXTS.contains(context)) {
                continue;
            }
            Map<String, Object> d = new TreeMap<>();
            d.put("context", context);
            d.put("layer", layer);
            if (dot >= 0 && parses(input.substring(dot + 1))) {
                d.put("field", input.substring(dot + 1));
            }
            if (!out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static Map<String, Object> field(String property, JsonNode path, Map<String, String> aliases,
                                             Set<String> notes) {
        String context = path.get("context").asText();
        if (!SdkAdapterCatalog.CONTEXTS.contains(context)) {
            return null;
        }
        String selector = selector(path.get("path").asText());
        if (selector == null) {
            return null;
        }
        if (!selector.startsWith("\"")) {
            // a decoding step may move a context: ironSource's "body" is JSON in the query's data field
            String resolved = resolve(aliases, context + "." + selector);
            int dot = resolved.indexOf('.');
            if (dot < 0 || !SdkAdapterCatalog.CONTEXTS.contains(resolved.substring(0, dot))) {
                return null;
            }
            context = resolved.substring(0, dot);
            selector = resolved.substring(dot + 1);
        }
        if (!parses(selector)) {
            return null;
        }
        if (context.equals("header")) {
            selector = selector.toLowerCase(Locale.ROOT);
        }
        Map<String, Object> f = new TreeMap<>();
        f.put("property", property);
        f.put("context", context);
        f.put("selector", selector);
        condition(path.get("not_if"), "not_if", f, notes);
        condition(path.get("only_if"), "only_if", f, notes);
        return f;
    }

    private static boolean parses(String selector) {
        try {
            FieldSelector.parse(selector);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A TrackHAR data path as a selector, or null when it filters in a way selectors cannot say. */
    static String selector(String path) {
        Matcher quoted = QUOTED_KEY.matcher(path);
        if (quoted.matches()) {
            return "\"" + quoted.group(1) + "\"";
        }
        Matcher startsWith = STARTS_WITH.matcher(path);
        if (startsWith.matches()) {
            return startsWith.group(1) + "*";
        }
        String p = path.startsWith("$.") ? path.substring(2) : path;
        return SIMPLE_PATH.matcher(p).matches() ? p : null;
    }

    private static void condition(JsonNode c, String name, Map<String, Object> field, Set<String> notes) {
        if (c == null) {
            return;
        }
        Map<String, Object> condition = new TreeMap<>();
        if (c.isTextual()) {
            condition.put("equals", c.asText());
        } else {
            String regex = javaRegex(c.get("regex").asText());
            if (regex == null) {
                notes.add("TrackHAR " + name + " regex '" + c.get("regex").asText() + "' is not a Java regex and is not imported");
                return;
            }
            condition.put("regex", regex);
            condition.put("ignore_case", c.path("flags").asText().contains("i"));
        }
        field.put(name, condition);
    }

    /** JavaScript regexes allow a bare brace where Java's want it escaped. */
    private static String javaRegex(String js) {
        for (String candidate : List.of(js, js.replace("{", "\\{").replace("}", "\\}"))) {
            try {
                Pattern.compile(candidate);
                return candidate;
            } catch (PatternSyntaxException e) {
                // try the next spelling
            }
        }
        return null;
    }
}
