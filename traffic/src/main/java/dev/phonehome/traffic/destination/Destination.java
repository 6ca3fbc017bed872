package dev.phonehome.traffic.destination;

import dev.phonehome.traffic.flow.ServerNameSource;
import java.util.List;
import java.util.Optional;

/**
 * Where one server is and whose it is: the answer to "to which organisation, in which country,
 * under which GDPR regime".
 *
 * @param name                server name as seen (lower case), or empty when only the address is known
 * @param nameSource          where the name came from (SNI, Host, DNS, HAR)
 * @param ip                  the server address, canonical text
 * @param address             {@code public}, or the special use of the address, e.g.
 *                            {@code local network (RFC 1918, 10.0.0.0/8)}
 * @param registrableDomain   public suffix plus one label, e.g. {@code miui.com}
 * @param tracker             the knowledge base tracker whose network signature matches the name
 * @param organisation        the organisation owning it
 * @param organisationCountry the organisation's headquarters country
 * @param ipCountry           the country the geodata gives the address
 * @param ipCountryStatus     {@code ipCountry}, or why there is none, e.g.
 *                            {@code unknown (no geodata: run phonehome data update)}
 * @param asn                 the autonomous system announcing the address
 * @param asOrganisation      its organisation as the ASN data names it
 * @param locationUncertain   whether the server may be elsewhere than {@code ipCountry} (anycast,
 *                            CDN, the country databases disagree)
 * @param uncertainty         why, sorted
 * @param serverJurisdiction  the regime of {@code ipCountry} for this recipient on the capture date
 * @param ownerJurisdiction   the regime of {@code organisationCountry} on the capture date
 * @param geodata             the geodata snapshot that answered
 */
public record Destination(String name, Optional<ServerNameSource> nameSource, Optional<String> ip, String address,
                          Optional<String> registrableDomain, Optional<String> tracker, Optional<String> organisation,
                          Optional<String> organisationCountry, Optional<String> ipCountry, String ipCountryStatus,
                          Optional<Long> asn, Optional<String> asOrganisation, boolean locationUncertain,
                          List<String> uncertainty, Optional<Jurisdiction> serverJurisdiction,
                          Optional<Jurisdiction> ownerJurisdiction, Optional<String> geodata) {
    public Destination {
        uncertainty = uncertainty.stream().sorted().distinct().toList();
    }
}
