package dev.phonehome.core.kb;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The organisations of the knowledge base, by id, with their parent chains checked. */
public final class Organisations {
    static final String FILE = "kb/organisations.json";

    private final Map<String, Organisation> byId;
    private final List<Organisation> sorted;

    private Organisations(Map<String, Organisation> byId) {
        this.byId = Map.copyOf(byId);
        this.sorted = List.copyOf(byId.values());
    }

    record Document(Integer schemaVersion, String kbVersion, FileProvenance provenance,
                    List<Organisation> organisations) implements KbDocument {
    }

    /** Parses and validates an organisations file; throws {@link KnowledgeBaseException}. */
    static Organisations parse(String file, InputStream in, String kbVersion) {
        Document document = KbFiles.read(file, in, Document.class, kbVersion);
        EntryChecks checks = new EntryChecks(file, document);
        List<Organisation> all = checks.nonEmpty(document.organisations(), "organisations", "organisations");
        checks.unique(all, Organisation::id, "organisation");
        Map<String, Organisation> byId = new TreeMap<>();
        all.forEach(o -> byId.put(o.id(), o));
        for (Organisation o : all) {
            String entry = "organisation '" + o.id() + "'";
            checks.text(o.name(), entry, "name");
            checks.country(o.country(), entry, "country");
            checks.provenance(o.provenance(), entry);
            checks.require(o.parent() == null || byId.containsKey(o.parent()), entry,
                    "unknown parent organisation '" + o.parent() + "'");
            checks.require(!hasCycle(o, byId), entry, "parent chain loops");
        }
        return new Organisations(byId);
    }

    private static boolean hasCycle(Organisation start, Map<String, Organisation> byId) {
        Set<String> seen = new HashSet<>();
        for (Organisation o = start; o != null; o = o.parent() == null ? null : byId.get(o.parent())) {
            if (!seen.add(o.id())) {
                return true;
            }
        }
        return false;
    }

    public Optional<Organisation> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The organisation and its ancestors, nearest first. */
    public List<Organisation> chain(String id) {
        List<Organisation> chain = new ArrayList<>();
        for (Organisation o = byId.get(id); o != null; o = o.parent() == null ? null : byId.get(o.parent())) {
            chain.add(o);
        }
        return List.copyOf(chain);
    }

    /** The outermost ancestor of an organisation that has a parent: the group a reader knows it by. */
    public Optional<Organisation> group(String id) {
        List<Organisation> chain = chain(id);
        return chain.size() < 2 ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
    }

    /** All organisations, sorted by id. */
    public List<Organisation> all() {
        return sorted;
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }
}
