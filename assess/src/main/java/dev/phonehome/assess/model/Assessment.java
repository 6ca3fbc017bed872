package dev.phonehome.assess.model;

import dev.phonehome.assess.device.DeviceDescription;
import dev.phonehome.core.Problem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The assessment document ({@value #SCHEMA}): one device's apps, traffic, links between them and
 * the risk register, with the rules that produced it, so every report renders from this alone.
 * Written with {@link dev.phonehome.core.json.CanonicalJson}; the same inputs give identical bytes.
 * Layout documented in {@code docs/assessment-schema.md} and {@code docs/assessment-schema.json}.
 *
 * @param schema       layout version of this document
 * @param inputs       what was assessed and with which knowledge
 * @param device       the device under test, when a description was given
 * @param summary      counts for an executive summary
 * @param apps         every distinct app with its static findings, sorted by id
 * @param exchanges    every observed HTTP exchange with its links to apps and SDKs, in capture order
 * @param destinations exchanges grouped by host, sorted by host
 * @param parameters   parameters sent (traffic) or passed to analytics SDKs (static), sorted
 * @param risks        the risk register, most severe first
 * @param rules        the risk rules evaluated, sorted by id
 * @param problems     problems of the inputs (firmware, captures, device description), sorted
 */
public record Assessment(String schema, Inputs inputs, Optional<DeviceDescription> device, Summary summary,
                         List<AppEntry> apps, List<AssessedExchange> exchanges, List<Destination> destinations,
                         List<ParameterUse> parameters, List<Risk> risks, List<RuleInfo> rules,
                         List<Problem> problems) {
    public static final String SCHEMA = "phonehome.assessment/1";

    public Assessment {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(summary, "summary");
        apps = List.copyOf(apps);
        exchanges = List.copyOf(exchanges);
        destinations = List.copyOf(destinations);
        parameters = List.copyOf(parameters);
        risks = List.copyOf(risks);
        rules = List.copyOf(rules);
        problems = problems.stream().sorted().toList();
    }
}
