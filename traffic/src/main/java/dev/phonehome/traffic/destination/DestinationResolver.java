package dev.phonehome.traffic.destination;

import com.google.common.net.InternetDomainName;
import dev.phonehome.core.geo.Geodata;
import dev.phonehome.core.geo.InstalledSnapshot;
import dev.phonehome.core.geo.IpFacts;
import dev.phonehome.core.geo.IpLiteral;
import dev.phonehome.core.geo.SpecialAddresses;
import dev.phonehome.core.geo.SpecialRange;
import dev.phonehome.core.kb.HostOwnership;
import dev.phonehome.core.kb.KnowledgeBase;
import dev.phonehome.core.kb.NetworkSignatureIndex;
import dev.phonehome.core.kb.Organisation;
import dev.phonehome.core.kb.Tracker;
import dev.phonehome.traffic.flow.ServerNameSource;
import dev.phonehome.traffic.flow.TrafficConnection;
import dev.phonehome.traffic.flow.TrafficExchange;
import java.net.InetAddress;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves servers into {@link Destination}s from the knowledge base (owners, anycast networks,
 * jurisdictions) and the installed geodata. Offline: names are never looked up in DNS, addresses
 * only in the local databases. Never throws on hostile names or addresses; immutable and safe to
 * share between threads.
 */
public final class DestinationResolver {
    private final KnowledgeBase kb;
    private final Geodata geodata;
    private final AnycastIndex anycast;

    public DestinationResolver(KnowledgeBase kb, Geodata geodata) {
        this.kb = kb;
        this.geodata = geodata;
        this.anycast = new AnycastIndex(kb.anycastNetworks());
    }

    /** The destination of a server known by {@code host} (a name or an IP literal) and perhaps its address, on {@code when}. */
    public Destination resolve(String host, Optional<String> ip, LocalDate when) {
        return resolve(host, Optional.empty(), ip, when);
    }

    /** The destination of a connection's server on {@code when} (usually the capture date). */
    public Destination resolve(TrafficConnection connection, LocalDate when) {
        Optional<String> ip = ServerAddress.of(connection.server()).map(IpLiteral::text);
        String host = connection.serverName().orElse(ip.isPresent() ? "" : connection.server());
        return resolve(host, connection.serverNameSource(), ip, when);
    }

    /** The destination of an exchange's server: its URL host, else the connection's server name, on {@code when}. */
    public Destination resolve(TrafficExchange exchange, LocalDate when) {
        Optional<String> ip = ServerAddress.of(exchange.server()).map(IpLiteral::text);
        String host = !exchange.host().isEmpty() ? exchange.host()
                : exchange.serverName().orElse(ip.isPresent() ? "" : exchange.server());
        Optional<ServerNameSource> source = exchange.host().isEmpty() ? exchange.serverNameSource() : Optional.empty();
        return resolve(host, source, ip, when);
    }

    /** The UTC date a connection started, when its timestamp reads as ISO 8601. */
    public static Optional<LocalDate> startDate(TrafficConnection connection) {
        try {
            return connection.start() == null || connection.start().length() < 10 ? Optional.empty()
                    : Optional.of(LocalDate.parse(connection.start().substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Destination resolve(String rawHost, Optional<ServerNameSource> source, Optional<String> rawIp, LocalDate when) {
        String host = normalise(rawHost);
        Optional<InetAddress> address = rawIp.flatMap(IpLiteral::parse).or(() -> IpLiteral.parse(host));
        String name = IpLiteral.parse(host).isPresent() ? "" : host;
        Optional<String> domain = registrableDomain(name);
        HostOwnership owner = name.isEmpty() ? HostOwnership.NONE : HostOwnership.of(kb, List.of(name));
        Optional<Organisation> organisation = owner.organisation();
        Optional<String> organisationCountry = organisation.map(Organisation::country);
        Optional<SpecialRange> special = address.flatMap(SpecialAddresses::of);
        IpFacts facts = address.isPresent() && special.isEmpty() ? geodata.lookup(address.get()) : IpFacts.NONE;
        List<String> uncertainty = new ArrayList<>();
        if (address.isPresent() && special.isEmpty()) {
            uncertainty.addAll(anycast.reasons(address.get(), facts.as().map(a -> a.asn())));
            if (facts.countriesDisagree()) {
                uncertainty.add("the country databases disagree: " + facts.country().orElseThrow() + " and "
                        + facts.crossCheckCountry().orElseThrow());
            }
        }
        Optional<String> ipCountry = facts.country();
        Organisation recipient = organisation.orElse(null);
        return new Destination(name, source, address.map(IpLiteral::text),
                address.isEmpty() ? "unknown" : special.map(SpecialRange::describe).orElse("public"),
                domain, owner.primary().map(Tracker::id), organisation.map(Organisation::name), organisationCountry,
                ipCountry, countryStatus(address, special, facts), facts.as().map(a -> a.asn()),
                facts.as().map(a -> a.organisation()), !uncertainty.isEmpty(), uncertainty,
                ipCountry.map(c -> Jurisdiction.of(c, kb.jurisdictions().regimeOf(c, recipient, when))),
                organisationCountry.map(c -> Jurisdiction.of(c, kb.jurisdictions().regimeOf(c, recipient, when))),
                geodata.snapshot().map(InstalledSnapshot::describe));
    }

    private String countryStatus(Optional<InetAddress> address, Optional<SpecialRange> special, IpFacts facts) {
        if (address.isEmpty()) {
            return "unknown (no address)";
        }
        if (special.isPresent()) {
            return "none: " + special.get().describe();
        }
        if (!geodata.available()) {
            return Geodata.NO_GEODATA;
        }
        return facts.country().orElse("unknown (not in the geodata)");
    }

    /** Lower case, no trailing dot, empty when too long to be a DNS name. */
    private static String normalise(String host) {
        if (host == null) {
            return "";
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.length() > NetworkSignatureIndex.MAX_HOST_LENGTH ? "" : h;
    }

    private static Optional<String> registrableDomain(String name) {
        if (name.isEmpty() || !InternetDomainName.isValid(name)) {
            return Optional.empty();
        }
        InternetDomainName domain = InternetDomainName.from(name);
        return domain.isUnderPublicSuffix() ? Optional.of(domain.topPrivateDomain().toString()) : Optional.empty();
    }
}
