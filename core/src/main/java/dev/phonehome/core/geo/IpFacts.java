package dev.phonehome.core.geo;

import java.util.Optional;

/**
 * What the geodata says about one public address.
 *
 * @param country           ISO 3166-1 alpha-2 from the country database
 * @param crossCheckCountry the country of the second database, when installed and it answers
 * @param as                the autonomous system announcing the address
 */
public record IpFacts(Optional<String> country, Optional<String> crossCheckCountry, Optional<AsInfo> as) {
    public static final IpFacts NONE = new IpFacts(Optional.empty(), Optional.empty(), Optional.empty());

    /** Whether the two country databases name different countries. */
    public boolean countriesDisagree() {
        return country.isPresent() && crossCheckCountry.isPresent() && !country.equals(crossCheckCountry);
    }
}
