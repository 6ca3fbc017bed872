package dev.phonehome.apk.detect;

import dev.phonehome.apk.dex.CallSite;
import dev.phonehome.apk.dex.DexClass;
import dev.phonehome.apk.dex.DexMethod;
import dev.phonehome.apk.manifest.AndroidManifest;
import dev.phonehome.apk.manifest.Component;
import dev.phonehome.apk.manifest.MetaData;
import dev.phonehome.apk.zip.ArchiveEntry;
import dev.phonehome.core.finding.Evidence;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.kb.CodeMatch;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.Organisation;
import dev.phonehome.core.kb.SourcedValue;
import dev.phonehome.core.kb.Tracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tracker and analytics SDKs: present when the app defines classes under an SDK's code
 * signature, referenced when the app's own code calls into them. Manifest entries and native
 * libraries of an SDK add evidence. Strings that merely name SDK classes count for nothing:
 * only class definitions and call sites do.
 */
public final class TrackerDetector implements Detector {
    /** Evidence items kept per kind; the counts in the attributes say how many there were. */
    static final int SAMPLE = 5;

    @Override
    public String id() {
        return "tracker";
    }

    @Override
    public List<Finding> detect(AppContext app) {
        KnowledgeBase kb = app.kb();
        Map<String, Hits> hits = new TreeMap<>();
        List<ClassInDex> outside = new ArrayList<>();
        for (AppContext.LocatedDex dex : app.dex()) {
            for (DexClass c : dex.index().classes()) {
                List<CodeMatch> matches = kb.codeSignatures().match(c.descriptor());
                if (matches.isEmpty()) {
                    outside.add(new ClassInDex(dex.location(), c));
                }
                for (CodeMatch m : matches) {
                    hits.computeIfAbsent(m.tracker().id(), k -> new Hits(m.tracker())).definedClass(dex.location(), c,
                            m.prefix());
                }
            }
        }
        if (!hits.isEmpty()) {
            Map<String, List<CodeMatch>> byOwner = new HashMap<>();
            for (ClassInDex c : outside) {
                referencesFrom(c, hits, byOwner, kb);
            }
        }
        app.manifest().ifPresent(m -> manifestEvidence(m, hits, kb));
        nativeLibraries(app, hits, kb);
        List<Finding> findings = new ArrayList<>();
        for (Hits h : hits.values()) {
            h.version = SdkVersions.version(app, h.tracker).orElse(null);
            findings.add(h.toFinding(app.subject(), kb));
        }
        return findings;
    }

    /**
     * Calls from app code into an SDK found in the app, one per calling method and SDK class.
     * Only runs when some SDK is present (a reference needs a present SDK), and matches each
     * distinct call target owner once per app ({@code byOwner}).
     */
    private static void referencesFrom(ClassInDex c, Map<String, Hits> hits, Map<String, List<CodeMatch>> byOwner,
            KnowledgeBase kb) {
        for (DexMethod m : c.cls.methods()) {
            Set<String> seen = new HashSet<>();
            for (CallSite call : m.calls()) {
                String owner = call.target().owner();
                List<CodeMatch> matches = byOwner.computeIfAbsent(owner, o -> kb.codeSignatures().match(o));
                if (matches.isEmpty() || !seen.add(owner)) {
                    continue;
                }
                for (CodeMatch match : matches) {
                    Hits h = hits.get(match.tracker().id());
                    if (h != null) {
                        h.reference(Evidence.of("call", c.dex + " " + m.ref() + " @0x" + Integer.toHexString(call.pc()),
                                "calls " + call.target(), call.target().toString()));
                    }
                }
            }
        }
    }

    private static void manifestEvidence(AndroidManifest m, Map<String, Hits> hits, KnowledgeBase kb) {
        Set<String> metaData = new TreeSet<>();
        m.application().metaData().stream().map(MetaData::name).forEach(metaData::add);
        Set<String> components = new TreeSet<>();
        for (Component c : m.application().components()) {
            components.add(c.name());
            c.metaData().stream().map(MetaData::name).forEach(metaData::add);
        }
        for (Tracker t : kb.trackers().all()) {
            for (SourcedValue v : t.manifestMetaData()) {
                if (metaData.contains(v.value())) {
                    hit(hits, t).other(Evidence.of("manifest", "AndroidManifest.xml meta-data", v.value()));
                }
            }
            for (SourcedValue v : t.manifestComponents()) {
                if (components.contains(v.value())) {
                    hit(hits, t).other(Evidence.of("manifest", "AndroidManifest.xml component", v.value()));
                }
            }
        }
    }

    private static void nativeLibraries(AppContext app, Map<String, Hits> hits, KnowledgeBase kb) {
        Map<String, List<Tracker>> byLibrary = new LinkedHashMap<>();
        for (Tracker t : kb.trackers().all()) {
            t.nativeLibraries().forEach(v -> byLibrary.computeIfAbsent(v.value(), k -> new ArrayList<>()).add(t));
        }
        for (ArchiveEntry e : app.archive().entries()) {
            String name = e.name();
            if (name.startsWith("lib/") && name.endsWith(".so")) {
                String file = name.substring(name.lastIndexOf('/') + 1);
                for (Tracker t : byLibrary.getOrDefault(file, List.of())) {
                    hit(hits, t).other(Evidence.of("file", name, "native library of " + t.name()));
                }
            }
        }
    }

    private static Hits hit(Map<String, Hits> hits, Tracker t) {
        return hits.computeIfAbsent(t.id(), k -> new Hits(t));
    }

    private record ClassInDex(String dex, DexClass cls) {
    }

    /** What was found of one tracker in one app. */
    private static final class Hits {
        final Tracker tracker;
        final TreeSet<String> prefixes = new TreeSet<>();
        final List<Evidence> classes = new ArrayList<>();
        final List<Evidence> references = new ArrayList<>();
        final List<Evidence> other = new ArrayList<>();
        int classCount;
        int referenceCount;
        SdkVersions.Found version;

        Hits(Tracker tracker) {
            this.tracker = tracker;
        }

        void definedClass(String dex, DexClass c, String prefix) {
            classCount++;
            prefixes.add(prefix);
            if (classes.size() < SAMPLE) {
                classes.add(Evidence.of("class", dex + " " + c.descriptor(), "defines " + c.name(), c.name()));
            }
        }

        void reference(Evidence e) {
            referenceCount++;
            if (references.size() < SAMPLE) {
                references.add(e);
            }
        }

        void other(Evidence e) {
            other.add(e);
        }

        Finding toFinding(String subject, KnowledgeBase kb) {
            Map<String, String> attributes = new TreeMap<>();
            attributes.put("tracker", tracker.id());
            attributes.put("name", tracker.name());
            attributes.put("categories", String.join(",", tracker.categories()));
            attributes.put("classes", String.valueOf(classCount));
            attributes.put("references", String.valueOf(referenceCount));
            if (!prefixes.isEmpty()) {
                attributes.put("signatures", String.join(",", prefixes));
            }
            Organisation org = kb.organisations().byId(tracker.organisation()).orElse(null);
            Organisation group = kb.organisations().group(tracker.organisation()).orElse(null);
            if (org != null) {
                attributes.put("organisation", org.name());
                if (org.country() != null) {
                    attributes.put("country", org.country());
                }
            }
            if (group != null) {
                attributes.put("group", group.name());
            }
            boolean referenced = referenceCount > 0;
            List<Evidence> evidence = new ArrayList<>(classes);
            if (version != null) {
                attributes.put("version", version.version());
                evidence.add(Evidence.of("field", version.location(), "version " + version.version(), version.version()));
            }
            evidence.addAll(references);
            evidence.addAll(other);
            String owner = org == null ? "" : " by " + org.name() + (org.country() == null ? "" : " (" + org.country() + ")")
                    + (group == null ? "" : ", part of " + group.name());
            String title = (referenced ? "Uses " : "Contains ") + tracker.name() + owner;
            return Finding.of("tracker.sdk", subject, tracker.id(), title, referenced ? Severity.MEDIUM : Severity.LOW,
                    referenced ? EvidenceLevel.REFERENCED : EvidenceLevel.PRESENT, attributes, evidence);
        }
    }
}
