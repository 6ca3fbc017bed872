package dev.phonehome.core.kb;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The SDK adapters of the knowledge base and the standard property vocabulary their fields map to,
 * validated against the trackers: every adapter names a known tracker, every field a known property.
 */
public final class SdkAdapterCatalog {
    static final String FILE = "kb/sdk-adapters.json";

    /** Where a field can sit in a request. */
    public static final Set<String> CONTEXTS = Set.of("query", "body", "header", "cookie");
    /** Layer names, as the traffic decoders write them in paths. */
    public static final Set<String> LAYERS = Set.of("form", "json", "ndjson", "base64", "gzip", "zlib", "deflate",
            "br", "zstd", "protobuf", "jwt", "multipart", "cookie", "sensorsdata");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*/[a-z0-9][a-z0-9._-]*");
    private static final Pattern SCHEME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern METHOD = Pattern.compile("[A-Z]+");

    private final Map<String, SdkAdapter> byId;
    private final List<SdkAdapter> sorted;
    private final Map<String, StandardProperty> properties;

    private SdkAdapterCatalog(Map<String, SdkAdapter> byId, Map<String, StandardProperty> properties) {
        this.byId = Map.copyOf(byId);
        this.sorted = List.copyOf(byId.values());
        this.properties = Map.copyOf(properties);
    }

    record Document(Integer schemaVersion, String kbVersion, FileProvenance provenance,
                    List<StandardProperty> standardProperties, List<SdkAdapter> adapters) implements KbDocument {
    }

    /** Parses and validates an adapters file; throws {@link KnowledgeBaseException}. */
    static SdkAdapterCatalog parse(String file, InputStream in, String kbVersion, Trackers trackers) {
        Document document = KbFiles.read(file, in, Document.class, kbVersion);
        EntryChecks checks = new EntryChecks(file, document);
        Map<String, StandardProperty> properties = new TreeMap<>();
        List<StandardProperty> vocabulary = checks.nonEmpty(document.standardProperties(), "standard_properties",
                "standard_properties");
        checks.unique(vocabulary, StandardProperty::name, "standard property");
        for (StandardProperty p : vocabulary) {
            String entry = "standard property '" + p.name() + "'";
            checks.text(p.label(), entry, "label");
            checks.source(p.source(), entry);
            properties.put(p.name(), p);
        }
        List<SdkAdapter> all = checks.nonEmpty(document.adapters(), "adapters", "adapters");
        checks.unique(all, SdkAdapter::id, "adapter");
        Map<String, SdkAdapter> byId = new TreeMap<>();
        for (SdkAdapter a : all) {
            String entry = "adapter '" + a.id() + "'";
            checks.require(ID.matcher(a.id()).matches(), entry, "id is not tracker/endpoint slug");
            checks.text(a.name(), entry, "name");
            checks.require(a.tracker() != null && trackers.byId(a.tracker()).isPresent(), entry,
                    "unknown tracker '" + a.tracker() + "'");
            checks.provenance(a.provenance(), entry);
            checks.nonEmpty(a.endpoints(), entry, "endpoints").forEach(e -> checkEndpoint(checks, e, entry));
            for (DecodingStep d : a.decoding()) {
                checks.require(d != null, entry, "null decoding step");
                checks.oneOf(d.context(), CONTEXTS, entry, "decoding context");
                checks.oneOf(d.layer(), LAYERS, entry, "decoding layer");
                if (d.field() != null) {
                    selector(checks, d.field(), entry);
                }
            }
            checks.require(a.encryptedBody() == null || SCHEME.matcher(a.encryptedBody()).matches(), entry,
                    "encrypted_body '" + a.encryptedBody() + "' is not a scheme slug");
            checks.require(!a.fields().isEmpty() || a.encryptedBody() != null, entry,
                    "neither fields nor an encrypted body: the adapter would say nothing");
            Set<FieldMapping> seen = new HashSet<>();
            for (FieldMapping f : a.fields()) {
                checkField(checks, f, entry, properties);
                checks.require(seen.add(f), entry, "field " + f + " is listed twice");
            }
            byId.put(a.id(), a);
        }
        return new SdkAdapterCatalog(byId, properties);
    }

    private static void checkEndpoint(EntryChecks checks, AdapterEndpoint e, String entry) {
        checks.require(e != null, entry, "null endpoint");
        String at = entry + " endpoint " + e;
        checks.require((e.host() == null) != (e.domain() == null), at, "needs exactly one of host and domain");
        String name = e.host() != null ? e.host() : e.domain();
        checks.require(SignatureSyntax.isDomainSuffix(name), at, "'" + name + "' is not a lower-case host name");
        checks.require(e.hostRegex() == null || e.domain() != null, at, "host_regex narrows a domain, not a host");
        regex(checks, e.hostRegex(), at);
        checks.require(e.path() == null || e.pathRegex() == null, at, "path and path_regex both set");
        checks.require(e.path() == null || (e.path().startsWith("/") && (e.path().equals("/")
                || !e.path().endsWith("/")) && e.path().indexOf('?') < 0), at,
                "path must start with '/' and have neither query nor trailing slash");
        regex(checks, e.pathRegex(), at);
        checks.require(e.method() == null || METHOD.matcher(e.method()).matches(), at, "method is not upper case");
        checks.require(e.port() == null || (e.port() > 0 && e.port() <= 0xFFFF), at, "port out of range");
    }

    private static void checkField(EntryChecks checks, FieldMapping f, String entry,
                                   Map<String, StandardProperty> properties) {
        checks.require(f != null, entry, "null field");
        String at = entry + " field '" + f.selector() + "'";
        checks.require(f.property() != null && properties.containsKey(f.property()), at,
                "'" + f.property() + "' is not a standard property");
        checks.oneOf(f.context(), CONTEXTS, at, "context");
        checks.text(f.selector(), at, "selector");
        selector(checks, f.selector(), at);
        checks.require(!f.context().equals("header") || f.selector().equals(f.selector().toLowerCase(Locale.ROOT)),
                at, "header selectors are lower case (header names are compared without case)");
        for (ValueCondition c : new ValueCondition[] {f.notIf(), f.onlyIf()}) {
            if (c != null) {
                checks.require((c.equals() == null) != (c.regex() == null), at,
                        "a value condition needs exactly one of equals and regex");
                regex(checks, c.regex(), at);
            }
        }
    }

    private static void selector(EntryChecks checks, String selector, String entry) {
        try {
            FieldSelector.parse(selector);
        } catch (IllegalArgumentException e) {
            throw checks.fail(entry, "bad selector: " + e.getMessage());
        }
    }

    private static void regex(EntryChecks checks, String regex, String entry) {
        if (regex == null) {
            return;
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw checks.fail(entry, "bad regex '" + regex + "': " + e.getDescription());
        }
    }

    public Optional<SdkAdapter> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** All adapters, sorted by id. */
    public List<SdkAdapter> all() {
        return sorted;
    }

    /** The standard property vocabulary, by name. */
    public Map<String, StandardProperty> standardProperties() {
        return properties;
    }
}
