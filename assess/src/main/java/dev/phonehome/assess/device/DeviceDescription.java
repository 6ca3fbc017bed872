package dev.phonehome.assess.device;

import dev.phonehome.core.device.DeviceProfile;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The phone under test, for the report: what it is and which settings were on at capture time.
 * Identifiers (IMEI, ...) are not kept here: they only serve the personal-data matcher.
 *
 * @param vendor  e.g. {@code Xiaomi}
 * @param model   e.g. {@code Mi 10T 5G}
 * @param build   firmware build or fingerprint
 * @param region  firmware region, e.g. {@code EEA}
 * @param consent settings at capture time, e.g. {@code user_experience_programme=true}, sorted
 */
public record DeviceDescription(Optional<String> vendor, Optional<String> model, Optional<String> build,
                                Optional<String> region, Map<String, Boolean> consent) {
    public DeviceDescription {
        consent = new TreeMap<>(consent);
    }

    /** The facts of a device profile that reports show; its identifiers stay with the matcher. */
    public static DeviceDescription of(DeviceProfile profile) {
        return new DeviceDescription(profile.vendor(), profile.model(), profile.build(), profile.region(),
                profile.consent());
    }

    /** "Xiaomi Mi 10T 5G", or "unnamed device". */
    public String name() {
        String name = (vendor.orElse("") + " " + model.orElse("")).trim();
        return name.isEmpty() ? "unnamed device" : name;
    }
}
