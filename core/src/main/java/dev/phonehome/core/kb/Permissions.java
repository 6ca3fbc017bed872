package dev.phonehome.core.kb;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Android platform permissions with their protection levels, generated from the framework's own
 * manifest (the file's provenance names the framework version).
 */
public final class Permissions {
    static final String FILE = "kb/permissions.json";

    static final Set<String> BASE_LEVELS = Set.of("normal", "dangerous", "signature", "signatureOrSystem");

    private final Map<String, Permission> byName;
    private final String source;

    private Permissions(Map<String, Permission> byName, String source) {
        this.byName = Map.copyOf(byName);
        this.source = source;
    }

    record Document(Integer schemaVersion, String kbVersion, FileProvenance provenance,
                    List<Permission> permissions) implements KbDocument {
    }

    static Permissions parse(String file, InputStream in, String kbVersion) {
        Document document = KbFiles.read(file, in, Document.class, kbVersion);
        EntryChecks checks = new EntryChecks(file, document);
        List<Permission> all = checks.nonEmpty(document.permissions(), "permissions", "permissions");
        checks.unique(all, Permission::name, "permission");
        Map<String, Permission> byName = new TreeMap<>();
        for (Permission p : all) {
            String entry = "permission '" + p.name() + "'";
            checks.oneOf(p.protection(), BASE_LEVELS, entry, "protection");
            checks.provenance(p.provenance(), entry);
            byName.put(p.name(), p);
        }
        SourceDescription framework = document.provenance().sources().get(0);
        return new Permissions(byName, framework.title() + " " + framework.snapshot());
    }

    public Optional<Permission> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Which framework release the levels come from, e.g. {@code Android framework-res 10.0.0}. */
    public String source() {
        return source;
    }

    public int size() {
        return byName.size();
    }
}
