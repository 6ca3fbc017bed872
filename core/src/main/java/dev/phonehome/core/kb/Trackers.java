package dev.phonehome.core.kb;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The trackers of the knowledge base, validated against the organisations. */
public final class Trackers {
    static final String FILE = "kb/trackers.json";

    /** Exodus's categories plus {@code Push}, which OEM SDKs need. */
    static final Set<String> CATEGORIES = Set.of(
            "Advertisement", "Analytics", "Crash reporting", "Identification", "Location", "Profiling", "Push");

    private final Map<String, Tracker> byId;
    private final List<Tracker> sorted;
    private final Map<ExactSignature, Map<String, List<Tracker>>> byExactSignature = new EnumMap<>(ExactSignature.class);

    private Trackers(Map<String, Tracker> byId) {
        this.byId = Map.copyOf(byId);
        this.sorted = List.copyOf(byId.values());
        for (ExactSignature kind : ExactSignature.values()) {
            Map<String, List<Tracker>> index = new HashMap<>();
            for (Tracker t : sorted) {
                kind.of(t).forEach(v -> index.computeIfAbsent(v.value(), k -> new ArrayList<>()).add(t));
            }
            index.replaceAll((k, v) -> List.copyOf(v));
            byExactSignature.put(kind, Map.copyOf(index));
        }
    }

    record Document(Integer schemaVersion, String kbVersion, FileProvenance provenance,
                    List<Tracker> trackers) implements KbDocument {
    }

    static Document read(String file, InputStream in, String kbVersion) {
        return KbFiles.read(file, in, Document.class, kbVersion);
    }

    /** Validates a trackers file against the organisations; throws {@link KnowledgeBaseException}. */
    static Trackers validate(String file, Document document, Organisations organisations) {
        EntryChecks checks = new EntryChecks(file, document);
        List<Tracker> all = checks.nonEmpty(document.trackers(), "trackers", "trackers");
        checks.unique(all, Tracker::id, "tracker");
        Map<String, Tracker> byId = new TreeMap<>();
        for (Tracker t : all) {
            String entry = "tracker '" + t.id() + "'";
            checks.text(t.name(), entry, "name");
            checks.provenance(t.provenance(), entry);
            checks.text(t.organisation(), entry, "organisation");
            checks.require(organisations.contains(t.organisation()), entry,
                    "unknown organisation '" + t.organisation() + "'");
            for (String category : t.categories()) {
                checks.oneOf(category, CATEGORIES, entry, "category");
            }
            checkSignatures(checks, t, entry);
            byId.put(t.id(), t);
        }
        return new Trackers(byId);
    }

    private static void checkSignatures(EntryChecks checks, Tracker t, String entry) {
        checks.sourced(t.codePrefixes(), entry, "code prefix");
        for (SourcedValue p : t.codePrefixes()) {
            checks.require(SignatureSyntax.isCodePrefix(p.value()), entry, "bad code prefix '" + p.value() + "'");
        }
        checks.sourced(t.domains(), entry, "domain");
        for (SourcedValue d : t.domains()) {
            checks.require(SignatureSyntax.isDomainSuffix(d.value()), entry, "bad domain suffix '" + d.value() + "'");
        }
        for (List<SourcedValue> regexes : List.of(t.codeRegexes(), t.hostRegexes())) {
            checks.sourced(regexes, entry, "regex");
            for (SourcedValue r : regexes) {
                checks.text(r.note(), entry, "note explaining why regex '" + r.value() + "' is not a prefix");
                try {
                    Pattern.compile(r.value());
                } catch (PatternSyntaxException e) {
                    throw checks.fail(entry, "bad regex '" + r.value() + "': " + e.getDescription());
                }
            }
        }
        checks.sourced(t.urlPatterns(), entry, "url pattern");
        checks.sourced(t.manifestComponents(), entry, "manifest component");
        checks.sourced(t.manifestMetaData(), entry, "manifest meta-data");
        checks.sourced(t.nativeLibraries(), entry, "native library");
        checks.sourced(t.systemPackages(), entry, "system package");
        for (VersionHint hint : t.versionHints()) {
            checks.require(hint != null && hint.className() != null && SignatureSyntax.isCodePrefix(hint.className())
                    && hint.field() != null && !hint.field().isBlank(), entry, "bad version hint " + hint);
            checks.source(hint.source(), entry + " version hint");
        }
    }

    public Optional<Tracker> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Trackers declaring {@code value} as a signature of this kind (e.g. a native library file
     * name), sorted by id.
     */
    public List<Tracker> withSignature(ExactSignature kind, String value) {
        return byExactSignature.get(kind).getOrDefault(value, List.of());
    }

    /** All trackers, sorted by id. */
    public List<Tracker> all() {
        return sorted;
    }
}
