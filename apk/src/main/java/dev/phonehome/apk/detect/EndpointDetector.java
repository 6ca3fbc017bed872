package dev.phonehome.apk.detect;

import dev.phonehome.apk.dex.DexFormatException;
import dev.phonehome.apk.resources.ResValue;
import dev.phonehome.apk.resources.ResourceTable;
import dev.phonehome.apk.resources.ResourceValue;
import dev.phonehome.apk.zip.ArchiveEntry;
import dev.phonehome.core.finding.Evidence;
import dev.phonehome.core.finding.EvidenceLevel;
import dev.phonehome.core.finding.Finding;
import dev.phonehome.core.finding.Severity;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.HostOwnership;
import dev.phonehome.core.kb.Organisation;
import dev.phonehome.core.kb.Tracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Network endpoints the app names: URLs, host names and IP literals in its code's string
 * constants, string resources and string-array items, assets, raw resources and native libraries. One finding per
 * registrable domain, with the owner and tracker when the knowledge base knows the domain, and
 * sample URLs with the methods or files that name them.
 */
public final class EndpointDetector implements Detector {
    /** Evidence items per finding. */
    static final int SAMPLE = 8;
    /** Distinct endpoints remembered per domain; more are only counted. */
    static final int MAX_ENDPOINTS_PER_DOMAIN = 1_000;
    /** Largest asset or raw resource scanned. */
    static final long MAX_TEXT_FILE = 4L << 20;
    /** Largest native library scanned. */
    static final long MAX_NATIVE_LIBRARY = 64L << 20;
    /** Shortest printable run of a binary file worth parsing ({@code a.io} is 4). */
    static final int MIN_RUN = 4;

    @Override
    public String id() {
        return "endpoint";
    }

    @Override
    public List<Finding> detect(AppContext app) {
        Map<String, DomainHits> domains = new TreeMap<>();
        // A string loaded by many methods is parsed once; its sites are labelled only when it names an endpoint.
        Map<String, List<Endpoint>> loaded = new HashMap<>();
        StringSites.forEachUse(app.dex(), (use, site) -> {
            List<Endpoint> found = loaded.computeIfAbsent(use.value(), EndpointParser::find);
            if (!found.isEmpty()) {
                record(domains, found, "code", site.label());
            }
        });
        for (AppContext.LocatedDex dex : app.dex()) {
            for (String s : tableStrings(dex)) {
                if (!loaded.containsKey(s)) {
                    record(domains, s, "dex", dex.location() + " string table");
                }
            }
        }
        app.resources().ifPresent(r -> resources(r, domains));
        for (ArchiveEntry e : ArchiveFiles.assetsAndRaw(app.archive())) {
            files(app, e, MAX_TEXT_FILE, domains);
        }
        for (ArchiveEntry e : ArchiveFiles.nativeLibraries(app.archive())) {
            files(app, e, MAX_NATIVE_LIBRARY, domains);
        }
        List<Finding> findings = new ArrayList<>();
        domains.values().forEach(d -> findings.add(d.toFinding(app.subject(), app.kb())));
        return findings;
    }

    private static List<String> tableStrings(AppContext.LocatedDex dex) {
        try {
            return dex.index().strings();
        } catch (DexFormatException | RuntimeException e) {
            return List.of();
        }
    }

    private static void resources(ResourceTable table, Map<String, DomainHits> domains) {
        table.forEachValue((name, v) -> {
            if (v.value().isString()) {
                resource(domains, v.value().string(), name, v);
            }
            for (ResValue item : v.items()) {
                if (item.isString()) {
                    resource(domains, item.string(), name, v);
                }
            }
        });
    }

    /** Labelled only when it names an endpoint: framework tables hold hundreds of thousands of values. */
    private static void resource(Map<String, DomainHits> domains, String text, String name, ResourceValue v) {
        List<Endpoint> found = EndpointParser.find(text);
        if (!found.isEmpty()) {
            record(domains, found, "resource", "resources.arsc " + name + " [" + v.config() + "]");
        }
    }

    private static void files(AppContext app, ArchiveEntry e, long maxBytes, Map<String, DomainHits> domains) {
        ArchiveFiles.read(app.archive(), e, maxBytes).ifPresent(bytes -> {
            for (String run : ArchiveFiles.printableRuns(bytes, MIN_RUN)) {
                record(domains, run, "file", e.name());
            }
        });
    }

    private static void record(Map<String, DomainHits> domains, String text, String kind, String where) {
        record(domains, EndpointParser.find(text), kind, where);
    }

    private static void record(Map<String, DomainHits> domains, List<Endpoint> found, String kind, String where) {
        for (Endpoint endpoint : found) {
            domains.computeIfAbsent(endpoint.domain(), DomainHits::new).add(endpoint, kind, where);
        }
    }

    /** Everything found for one registrable domain. */
    private static final class DomainHits {
        final String domain;
        final TreeMap<String, Evidence> firstSeen = new TreeMap<>();
        final TreeSet<String> hosts = new TreeSet<>();
        int mentions;
        boolean cleartext;
        boolean inCode;

        DomainHits(String domain) {
            this.domain = domain;
        }

        void add(Endpoint endpoint, String kind, String where) {
            mentions++;
            cleartext |= endpoint.cleartext();
            inCode |= kind.equals("code");
            hosts.add(endpoint.host());
            String text = endpoint.text();
            if (firstSeen.size() < MAX_ENDPOINTS_PER_DOMAIN || firstSeen.containsKey(text)) {
                firstSeen.merge(text, Evidence.of(kind, where, text, text), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }

        Finding toFinding(String subject, KnowledgeBase kb) {
            HostOwnership owner = HostOwnership.of(kb, hosts);
            Map<String, String> attributes = new TreeMap<>();
            attributes.put("domain", domain);
            attributes.put("endpoints", String.valueOf(firstSeen.size()));
            attributes.put("mentions", String.valueOf(mentions));
            attributes.put("hosts", String.join(",", hosts.stream().limit(SAMPLE).toList()));
            attributes.put("cleartext", String.valueOf(cleartext));
            String ownerText = "";
            if (owner.known()) {
                attributes.put("tracker", String.join(",", owner.trackers().stream().map(Tracker::id).toList()));
                ownerText = " (" + owner.primary().orElseThrow().name();
                if (owner.organisation().isPresent()) {
                    Organisation org = owner.organisation().get();
                    attributes.put("organisation", org.name());
                    ownerText += " by " + org.name();
                    if (org.country() != null) {
                        attributes.put("country", org.country());
                        ownerText += ", " + org.country();
                    }
                    Optional<Organisation> group = kb.organisations().group(org.id());
                    if (group.isPresent()) {
                        attributes.put("group", group.get().name());
                        ownerText += ", part of " + group.get().name();
                    }
                }
                ownerText += ")";
            }
            Severity severity = !owner.known() ? Severity.INFO : cleartext ? Severity.MEDIUM : Severity.LOW;
            List<Evidence> evidence = firstSeen.values().stream().limit(SAMPLE).toList();
            String title = "Names " + firstSeen.size() + (firstSeen.size() == 1 ? " endpoint" : " endpoints") + " at "
                    + domain + ownerText + (cleartext && owner.known() ? " over cleartext HTTP" : "");
            return Finding.of("endpoint.domain", subject, domain, title, severity,
                    inCode ? EvidenceLevel.REFERENCED : EvidenceLevel.PRESENT, attributes, evidence);
        }
    }
}
