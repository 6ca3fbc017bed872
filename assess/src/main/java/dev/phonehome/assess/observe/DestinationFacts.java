package dev.phonehome.assess.observe;

import dev.phonehome.core.kb.Regime;
import java.util.Optional;

/**
 * Who runs a destination, where, and under which GDPR transfer regime.
 *
 * @param organisation       knowledge-base organisation id of the tracker the host belongs to
 * @param organisationName   its name
 * @param organisationCountry its headquarters country (ISO 3166-1 alpha-2)
 * @param ipCountry          country of the server address, when an IP database placed it
 * @param regime             the regime of the country used, or empty when no country is known
 * @param regimeCondition    what must hold for an adequacy decision to cover the recipient
 * @param country            the country the regime was judged for: the IP's, else the organisation's
 * @param locationUncertain  true when the regime rests on the organisation's headquarters rather
 *                           than where the server is: the data may be processed elsewhere
 */
public record DestinationFacts(Optional<String> organisation, Optional<String> organisationName,
                               Optional<String> organisationCountry, Optional<String> ipCountry,
                               Optional<Regime.Kind> regime, Optional<String> regimeCondition,
                               Optional<String> country, boolean locationUncertain) {
    /** Nothing known about the host. */
    public static DestinationFacts unknown() {
        return new DestinationFacts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), true);
    }
}
