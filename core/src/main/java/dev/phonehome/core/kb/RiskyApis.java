package dev.phonehome.core.kb;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Risky Android APIs and the capabilities they give, looked up by member reference. */
public final class RiskyApis {
    static final String FILE = "kb/risky-apis.json";

    private static final Pattern CLASS_DESCRIPTOR = Pattern.compile("L[A-Za-z_$][\\w$]*(?:/[A-Za-z_$][\\w$]*)*;");
    private static final Set<String> ROLES = Set.of("use", "acquisition");

    private final Map<String, Capability> capabilities;
    private final MemberIndex<RiskyApi> byMember;
    private final List<RiskyApi> all;

    private RiskyApis(Map<String, Capability> capabilities, List<RiskyApi> all) {
        this.capabilities = Map.copyOf(capabilities);
        this.all = List.copyOf(all);
        this.byMember = MemberIndex.of(all, RiskyApi::className, RiskyApi::member);
    }

    record Document(Integer schemaVersion, String kbVersion, FileProvenance provenance,
                    List<Capability> capabilities, List<RiskyApi> apis) implements KbDocument {
    }

    static RiskyApis parse(String file, InputStream in, String kbVersion) {
        Document document = KbFiles.read(file, in, Document.class, kbVersion);
        EntryChecks checks = new EntryChecks(file, document);
        List<Capability> capabilities = checks.nonEmpty(document.capabilities(), "capabilities", "capabilities");
        checks.unique(capabilities, Capability::id, "capability");
        Map<String, Capability> byId = new TreeMap<>();
        for (Capability c : capabilities) {
            String entry = "capability '" + c.id() + "'";
            checks.text(c.title(), entry, "title");
            checks.require(c.severity() != null, entry, "severity is missing");
            checks.provenance(c.provenance(), entry);
            byId.put(c.id(), c);
        }
        List<RiskyApi> apis = checks.nonEmpty(document.apis(), "apis", "apis");
        checks.unique(apis, a -> a.className() + "->" + a.member() + a.descriptor() + " " + a.capability(), "api");
        for (RiskyApi a : apis) {
            String entry = "api '" + a.className() + "->" + a.member() + "'";
            checks.require(a.className() != null && CLASS_DESCRIPTOR.matcher(a.className()).matches(), entry,
                    "class must be a DEX class descriptor like Landroid/telephony/SmsManager;");
            checks.text(a.member(), entry, "member");
            checks.text(a.descriptor(), entry, "descriptor");
            checks.require(a.kind() != null, entry, "kind is missing");
            checks.oneOf(a.role(), ROLES, entry, "role");
            checks.text(a.capability(), entry, "capability");
            checks.require(byId.containsKey(a.capability()), entry, "unknown capability '" + a.capability() + "'");
            checks.require(a.argument() == null || (a.argument().index() != null && a.argument().index() >= 0
                            && !(a.argument().constants().isEmpty() && a.argument().prefixes().isEmpty())),
                    entry, "argument condition needs an index and at least one value or prefix");
            checks.provenance(a.provenance(), entry);
        }
        return new RiskyApis(byId, apis);
    }

    /** The risky APIs a member reference matches; {@code className} in DEX descriptor form. */
    public List<RiskyApi> lookup(String className, String member, String descriptor) {
        List<RiskyApi> candidates = byMember.get(className, member);
        if (candidates.isEmpty()) {
            return candidates;
        }
        return candidates.stream().filter(api -> api.coversDescriptor(descriptor)).toList();
    }

    public Optional<Capability> capability(String id) {
        return Optional.ofNullable(capabilities.get(id));
    }

    /** All risky APIs, in file order. */
    public List<RiskyApi> all() {
        return all;
    }
}
