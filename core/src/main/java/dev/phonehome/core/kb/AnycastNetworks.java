package dev.phonehome.core.kb;

import dev.phonehome.core.geo.IpPrefix;
import java.io.InputStream;
import java.util.List;

/** Networks and address blocks whose servers' location is uncertain ({@code kb/anycast-networks.json}). */
public final class AnycastNetworks {
    static final String FILE = "kb/anycast-networks.json";

    /** Largest autonomous system number (32-bit, RFC 6793). */
    private static final long MAX_ASN = 0xFFFF_FFFFL;

    private final List<AnycastNetwork> networks;
    private final List<AnycastPrefix> prefixes;

    private AnycastNetworks(List<AnycastNetwork> networks, List<AnycastPrefix> prefixes) {
        this.networks = List.copyOf(networks);
        this.prefixes = List.copyOf(prefixes);
    }

    record Document(Integer schemaVersion, String kbVersion, FileProvenance provenance,
                    List<AnycastNetwork> networks, List<AnycastPrefix> prefixes) implements KbDocument {
    }

    static AnycastNetworks parse(String file, InputStream in, String kbVersion) {
        Document document = KbFiles.read(file, in, Document.class, kbVersion);
        EntryChecks checks = new EntryChecks(file, document);
        List<AnycastNetwork> networks = checks.nonEmpty(document.networks(), "networks", "networks");
        checks.unique(networks, n -> String.valueOf(n.asn()), "network");
        for (AnycastNetwork n : networks) {
            String entry = "network AS" + n.asn();
            checks.require(n.asn() != null && n.asn() > 0 && n.asn() <= MAX_ASN, entry, "asn is not 1.." + MAX_ASN);
            checks.text(n.operator(), entry, "operator");
            checks.require(n.kind() != null, entry, "kind is missing");
            checks.provenance(n.provenance(), entry);
        }
        List<AnycastPrefix> prefixes = checks.nonEmpty(document.prefixes(), "prefixes", "prefixes");
        checks.unique(prefixes, AnycastPrefix::prefix, "prefix");
        for (AnycastPrefix p : prefixes) {
            String entry = "prefix '" + p.prefix() + "'";
            checks.require(p.prefix() != null && IpPrefix.parse(p.prefix()).isPresent(), entry, "prefix is not an address/length block with no host bits set");
            checks.text(p.operator(), entry, "operator");
            checks.require(p.kind() != null, entry, "kind is missing");
            checks.provenance(p.provenance(), entry);
        }
        return new AnycastNetworks(networks, prefixes);
    }

    /** Anycast and CDN networks, sorted by ASN. */
    public List<AnycastNetwork> networks() {
        return networks;
    }

    /** Anycast address blocks, sorted by their text. */
    public List<AnycastPrefix> prefixes() {
        return prefixes;
    }
}
