package dev.phonehome.assess;

import dev.phonehome.apk.scan.FirmwareScan;
import dev.phonehome.assess.device.DeviceDescription;
import dev.phonehome.assess.observe.ObservedExchange;
import dev.phonehome.assess.register.Suppressions;
import dev.phonehome.core.Problem;
import java.util.List;
import java.util.Optional;

/**
 * Everything one assessment is made of; each part is optional, so static-only and traffic-only
 * assessments work too.
 *
 * @param scan         the firmware scan
 * @param captures     capture file names, in the order given
 * @param exchanges    the exchanges observed in them, in capture order
 * @param device       the device description
 * @param suppressions accepted risks
 * @param problems     problems met reading the inputs
 */
public record AssessmentInput(Optional<FirmwareScan> scan, List<String> captures, List<ObservedExchange> exchanges,
                              Optional<DeviceDescription> device, Suppressions suppressions, List<Problem> problems) {
    public AssessmentInput {
        captures = List.copyOf(captures);
        exchanges = List.copyOf(exchanges);
        problems = List.copyOf(problems);
    }
}
