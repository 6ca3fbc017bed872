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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Censorship keyword lists: term lists in assets, raw resources, string resources, string
 * arrays and long string constants (plain, JSON, or base64/gzip encoded) whose entries hit the
 * knowledge base's lexicon of politically sensitive terms. The finding names the code that loads
 * the list (the methods whose string constants name its file, and those that load its resource
 * id, {@link ResourceIdSites}) and what the surrounding filter code calls, so a reader can see
 * what the list is applied to.
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

    /**
     * A decoded list before scoring: where it is, the methods known to load it, the archive file it
     * is (whose readers are looked up only if the list is a finding), its resource if any.
     */
    private record Candidate(TermListDecoder.TermList list, String source, List<StringSites.Site> readers,
            String file, Integer resourceId, String resourceName) {
    }

    @Override
    public List<Finding> detect(AppContext app) {
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Map.Entry<Integer, String>> filesByPath = app.resources().map(KeywordListDetector::files)
                .orElse(Map.of());
        for (ArchiveEntry e : ArchiveFiles.assetsAndRaw(app.archive())) {
            Map.Entry<Integer, String> resource = filesByPath.get(e.name());
            ArchiveFiles.read(app.archive(), e, MAX_FILE).flatMap(bytes -> TermListDecoder.decode(e.name(), bytes))
                    .ifPresent(list -> candidates.add(new Candidate(list, e.name(), List.of(), e.name(),
                            resource == null ? null : resource.getKey(), resource == null ? null : resource.getValue())));
        }
        app.resources().ifPresent(r -> resources(r, candidates));
        // Only long constants can hold a list: the other strings are not even collected.
        Map<String, List<StringSites.Site>> blobs = sitesOf(app, s -> s.length() >= MIN_BLOB_CHARS);
        blobs.forEach((blob, users) -> TermListDecoder.decodeText(users.get(0).label(), blob).ifPresent(
                list -> candidates.add(new Candidate(list, users.get(0).label(), users, null, null, null))));
        return findings(app, candidates);
    }

    /**
     * The methods loading each string constant that {@code wanted} accepts (at most
     * {@link StringSites#MAX_SITES_PER_STRING} per string, in DEX, class and code order), by string.
     */
    private static TreeMap<String, List<StringSites.Site>> sitesOf(AppContext app, Predicate<String> wanted) {
        TreeMap<String, List<StringSites.Site>> sites = new TreeMap<>();
        StringSites.forEachUse(app.dex(), (use, site) -> {
            if (wanted.test(use.value())) {
                List<StringSites.Site> list = sites.computeIfAbsent(use.value(), v -> new ArrayList<>(1));
                if (list.size() < StringSites.MAX_SITES_PER_STRING) {
                    list.add(site);
                }
            }
        });
        return sites;
    }

    /** Scores the candidates; only for the lists that are findings is code searched for their resource ids. */
    private static List<Finding> findings(AppContext app, List<Candidate> candidates) {
        Map<Candidate, LexiconScore> lists = new LinkedHashMap<>();
        Map<Integer, String> wanted = new TreeMap<>();
        for (Candidate c : candidates) {
            LexiconScore score = app.kb().lexicon().score(c.list().entries());
            if (score.matches() >= MIN_MATCHES && score.share() >= MIN_SHARE) {
                lists.put(c, score);
                if (c.resourceId() != null) {
                    wanted.put(c.resourceId(), c.resourceName());
                }
            }
        }
        Map<Integer, List<StringSites.Site>> byId = wanted.isEmpty() ? Map.of()
                : ResourceIdSites.of(app.dex(), wanted);
        List<Finding> findings = new ArrayList<>();
        lists.forEach((c, score) -> {
            List<StringSites.Site> readers = new ArrayList<>(c.readers());
            if (c.file() != null) {
                readers.addAll(readers(app, c.file()));
            }
            if (c.resourceId() != null) {
                readers.addAll(byId.getOrDefault(c.resourceId(), List.of()));
            }
            if (c.file() != null || c.resourceId() != null) {
                readers.sort((a, b) -> a.label().compareTo(b.label()));
            }
            findings.add(finding(app, c.list(), score, c.source(), readers));
        });
        return findings;
    }

    /** Resource files by path ({@code res/raw/words.txt}) with their id and name, lowest id first. */
    private static Map<String, Map.Entry<Integer, String>> files(ResourceTable table) {
        Map<String, Map.Entry<Integer, String>> byPath = new TreeMap<>();
        table.forEachValue((name, v) -> {
            if (v.value().isString() && v.value().string().startsWith("res/")) {
                byPath.putIfAbsent(v.value().string(), Map.entry(v.resourceId(), name));
            }
        });
        return byPath;
    }

    /** Long string resources (a whole list in one string) and string arrays (one entry per item). */
    private static void resources(ResourceTable table, List<Candidate> candidates) {
        table.forEachValue((name, v) -> {
            Optional<TermListDecoder.TermList> list = Optional.empty();
            if (v.complex() && v.items().size() >= TermListDecoder.MIN_ENTRIES) {
                list = TermListDecoder.items(where(name, v), table.stringItems(v));
            } else if (v.value().isString() && v.value().string().length() >= MIN_BLOB_CHARS) {
                list = TermListDecoder.decodeText(where(name, v), v.value().string());
            }
            list.ifPresent(l -> candidates.add(new Candidate(l, where(name, v), List.of(), null,
                    v.resourceId(), name)));
        });
    }

    /** e.g. {@code resources.arsc array/blocked_words [default]}; built only for candidates, tables are large. */
    private static String where(String name, ResourceValue v) {
        return "resources.arsc " + name + " [" + v.config() + "]";
    }

    /** Methods whose string constants name the file: its name alone, or a path ending in it. */
    private static List<StringSites.Site> readers(AppContext app, String entryName) {
        String file = entryName.substring(entryName.lastIndexOf('/') + 1);
        List<StringSites.Site> found = new ArrayList<>();
        sitesOf(app, s -> s.equals(file) || s.endsWith("/" + file)).values().forEach(found::addAll);
        found.sort((a, b) -> a.label().compareTo(b.label()));
        return found;
    }

    private static Finding finding(AppContext app, TermListDecoder.TermList list, LexiconScore score, String source,
            List<StringSites.Site> readers) {
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
        return Finding.of("censorship.keyword-list", app.subject(), list.path(), title,
                high ? Severity.HIGH : Severity.MEDIUM, readers.isEmpty() ? EvidenceLevel.PRESENT
                        : EvidenceLevel.REFERENCED, attributes, evidence);
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
