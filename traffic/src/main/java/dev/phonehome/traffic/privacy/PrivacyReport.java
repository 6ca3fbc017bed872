package dev.phonehome.traffic.privacy;

import dev.phonehome.core.Problem;
import dev.phonehome.traffic.adapter.InventoryReport;
import java.util.List;
import java.util.Objects;

/**
 * What left the phone in one capture: destinations, the parameters sent to each, and the personal
 * data found, each sorted so the same capture and profile give byte-identical JSON.
 *
 * @param exchanges    requests analysed
 * @param destinations one entry per server name and address, sorted by name then address
 * @param parameters   the parameter inventory per destination and SDK
 * @param personalData personal data by type, form, path and host, sorted
 * @param problems     profile values not searched for, and capped per-request problems
 */
public record PrivacyReport(long exchanges, List<DestinationUse> destinations, InventoryReport parameters,
                            List<PersonalDataUse> personalData, List<Problem> problems) {
    public PrivacyReport {
        Objects.requireNonNull(parameters, "parameters");
        destinations = List.copyOf(destinations);
        personalData = List.copyOf(personalData);
        problems = List.copyOf(problems);
    }
}
