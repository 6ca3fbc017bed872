package dev.phonehome.core.device;

import dev.phonehome.core.Problem;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The phone under test, from {@code device.yaml} (see docs/device-profile.md): facts for the
 * report, the consent settings at capture time, and the identifiers to look for in its traffic.
 *
 * @param vendor      e.g. {@code Xiaomi}
 * @param model       e.g. {@code Mi 10T 5G}
 * @param build       firmware version or build fingerprint
 * @param region      the market region of the firmware or of the capture, e.g. {@code EEA}
 * @param consent     setting name → whether it was on when the traffic was captured, sorted by name
 * @param identifiers what the matcher searches for
 * @param warnings    values that were read but look wrong (an IMEI failing its check digit...) or
 *                    were left out (placeholders, unparseable locations)
 */
public record DeviceProfile(Optional<String> vendor, Optional<String> model, Optional<String> build,
                            Optional<String> region, Map<String, Boolean> consent, DeviceIdentifiers identifiers,
                            List<Problem> warnings) {
    public static final DeviceProfile EMPTY = new DeviceProfile(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Map.of(), DeviceIdentifiers.NONE, List.of());

    public DeviceProfile {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(region, "region");
        consent = Collections.unmodifiableMap(new TreeMap<>(consent));
        Objects.requireNonNull(identifiers, "identifiers");
        warnings = List.copyOf(warnings);
    }
}
