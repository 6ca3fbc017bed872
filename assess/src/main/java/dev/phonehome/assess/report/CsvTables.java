package dev.phonehome.assess.report;

import dev.phonehome.assess.model.Assessment;
import dev.phonehome.assess.model.Destination;
import dev.phonehome.assess.model.ParameterUse;
import dev.phonehome.assess.observe.DestinationFacts;
import java.util.Optional;

/** The destinations and parameters tables of an assessment as CSV. */
public final class CsvTables {
    private CsvTables() {
    }

    public static String destinations(Assessment a) {
        Csv csv = new Csv().row("host", "organisation", "organisation_country", "ip_country", "regime",
                "location_uncertain", "exchanges", "apps", "trackers", "personal_data", "level", "first_seen");
        for (Destination d : a.destinations()) {
            DestinationFacts f = d.facts();
            csv.row(d.host(), f.organisationName().orElse(""), f.organisationCountry().orElse(""),
                    f.ipCountry().orElse(""), f.regime().map(Enum::name).orElse(""),
                    String.valueOf(f.locationUncertain()), String.valueOf(d.exchanges()), String.join(" ", d.apps()),
                    String.join(" ", d.trackers()), String.join(" ", d.personalData()), d.level().name(),
                    d.firstSeen());
        }
        return csv.toString();
    }

    public static String parameters(Assessment a) {
        Csv csv = new Csv().row("source", "host", "app", "tracker", "name", "path", "example", "count");
        for (ParameterUse p : a.parameters()) {
            csv.row(p.source(), or(p.host()), or(p.app()), or(p.tracker()), p.name(), p.path(), or(p.example()),
                    String.valueOf(p.count()));
        }
        return csv.toString();
    }

    private static String or(Optional<String> value) {
        return value.orElse("");
    }
}
