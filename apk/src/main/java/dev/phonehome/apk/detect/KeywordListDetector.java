package dev.phonehome.apk.detect;

import dev.phonehome.apk.dex.CallSite;
import dev.phonehome.apk.dex.DexMethod;
import dev.phonehome.apk.resources.ResourceTable;
import dev.phonehome.apk.resources.ResourceValue;
import dev.phonehome.apk.zip.ArchiveEntry;
import dev.phonehome.core.finding.Evidence;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.kb.LexiconScore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Censorship keyword lists: term lists in assets, raw resources, string resources and long
 * string constants (plain, JSON, or base64/gzip encoded) whose entries hit the knowledge base's
 * lexicon of politically sensitive terms. The finding names the code that loads the list (the
 * methods whose string constants name its file) and what the surrounding filter code calls, so
 * a reader can see what the list is applied to.
 */
public final class KeywordListDetector implements Detector {
    /** Largest asset or raw resource read. */
    static final long MAX_FILE = 4L << 20;
    /** Shortest string constant or string resource that may hold a whole list. */
    static final int MIN_BLOB_CHARS = 32;
    /** Fewest sensitive entries for a finding. */
    static final int MIN_MATCHES = 2;
    /** Smallest share of sensitive entries for a finding. */
    static final double MIN_SHARE = 0.05;
    /** Share above which a list in a system app is HIGH. */
    static final double HIGH_SHARE = 0.25;
    /** Entries and evidence items shown per finding. */
    static final int SAMPLE = 10;
    /** Names of methods that apply a list to content. */
    static final Pattern APPLIES = Pattern.compile(
            "(?i).*(title|body|content|search|filter|hide|block|match|check|censor|sensitive|keyword|contain|text).*");

    @Override
    public String id() {
        return "censorship";
    }

    @Override
    public List<Finding> detect(AppContext app) {
        StringSites sites = StringSites.of(app.dex());
        List<Finding> findings = new ArrayList<>();
        for (ArchiveEntry e : ArchiveFiles.assetsAndRaw(app.archive())) {
            ArchiveFiles.read(app.archive(), e, MAX_FILE).flatMap(bytes -> TermListDecoder.decode(e.name(), bytes))
                    .ifPresent(list -> report(app, list, e.name(), readers(sites, e.name()), findings));
        }
        app.resources().ifPresent(r -> resources(app, r, findings));
        TreeMap<String, List<StringSites.Site>> blobs = new TreeMap<>();
        for (Map.Entry<String, List<StringSites.Site>> s : sites.all()) {
            if (s.getKey().length() >= MIN_BLOB_CHARS) {
                blobs.put(s.getKey(), s.getValue());
            }
        }
        blobs.forEach((blob, users) -> TermListDecoder.decode(users.get(0).label(),
                blob.getBytes(StandardCharsets.UTF_8)).ifPresent(list -> report(app, list, users.get(0).label(), users,
                        findings)));
        return findings;
    }

    private static void resources(AppContext app, ResourceTable table, List<Finding> findings) {
        for (Map.Entry<Integer, String> name : table.names().entrySet()) {
            for (ResourceValue v : table.resolve(name.getKey())) {
                String s = v.value().isString() ? v.value().string() : null;
                if (s != null && s.length() >= MIN_BLOB_CHARS) {
                    String where = "resources.arsc " + name.getValue() + " [" + v.config() + "]";
                    TermListDecoder.decode(where, s.getBytes(StandardCharsets.UTF_8))
                            .ifPresent(list -> report(app, list, where, List.of(), findings));
                }
            }
        }
    }

    /** Methods whose string constants name the file: its name alone, or a path ending in it. */
    private static List<StringSites.Site> readers(StringSites sites, String entryName) {
        String file = entryName.substring(entryName.lastIndexOf('/') + 1);
        List<StringSites.Site> found = new ArrayList<>();
        for (Map.Entry<String, List<StringSites.Site>> s : sites.all()) {
            if (s.getKey().equals(file) || s.getKey().endsWith("/" + file)) {
                found.addAll(s.getValue());
            }
        }
        found.sort((a, b) -> a.label().compareTo(b.label()));
        return found;
    }

    private static void report(AppContext app, TermListDecoder.TermList list, String source,
            List<StringSites.Site> readers, List<Finding> findings) {
        LexiconScore score = app.kb().lexicon().score(list.entries());
        if (score.matches() < MIN_MATCHES || score.share() < MIN_SHARE) {
            return;
        }
        Set<String> sample = new LinkedHashSet<>(score.sample());
        list.entries().stream().limit(SAMPLE).forEach(sample::add);
        String share = String.format(Locale.ROOT, "%.2f", score.share());
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("source", source);
        attributes.put("encoding", list.path());
        attributes.put("entries", String.valueOf(score.inputs()));
        attributes.put("matches", String.valueOf(score.matches()));
        attributes.put("share", share);
        attributes.put("terms", String.join(",", score.terms().stream().limit(SAMPLE * 2).toList()));
        attributes.put("sample", String.join(" | ", sample.stream().limit(SAMPLE).toList()));
        attributes.put("readers", String.valueOf(readers.size()));
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("file", source, score.inputs() + " entries via " + list.path(),
                String.join(" | ", score.sample().stream().limit(SAMPLE).toList())));
        readers.stream().limit(SAMPLE).forEach(r -> evidence.add(Evidence.of("code", r.label(),
                "loads the list", r.method().ref().toString())));
        appliedBy(readers, evidence);
        boolean high = app.systemApp() && score.share() >= HIGH_SHARE;
        String title = "Keyword list of " + score.inputs() + " entries, " + score.matches() + " politically sensitive ("
                + Math.round(score.share() * 100) + "%), in " + source;
        findings.add(Finding.of("censorship.keyword-list", app.subject(), list.path(), title,
                high ? Severity.HIGH : Severity.MEDIUM, readers.isEmpty() ? EvidenceLevel.PRESENT
                        : EvidenceLevel.REFERENCED, attributes, evidence));
    }

    /** The calls of filter-like methods in the classes that load the list: what the list is applied to. */
    private static void appliedBy(List<StringSites.Site> readers, List<Evidence> evidence) {
        TreeMap<String, TreeSet<String>> calls = new TreeMap<>();
        Set<String> classes = new TreeSet<>();
        for (StringSites.Site r : readers) {
            if (!classes.add(r.dex() + r.cls().descriptor())) {
                continue;
            }
            for (DexMethod m : r.cls().methods()) {
                if (APPLIES.matcher(m.ref().name()).matches() && !m.calls().isEmpty()) {
                    TreeSet<String> targets = calls.computeIfAbsent(r.dex() + " " + m.ref(), k -> new TreeSet<>());
                    m.calls().stream().map(CallSite::target).map(Object::toString).forEach(targets::add);
                }
            }
        }
        calls.entrySet().stream().limit(SAMPLE).forEach(c -> evidence.add(Evidence.of("call", c.getKey(),
                "applies the list; calls " + String.join(", ", c.getValue().stream().limit(SAMPLE).toList()))));
    }
}
