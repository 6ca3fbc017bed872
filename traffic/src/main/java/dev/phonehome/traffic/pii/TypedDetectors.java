package dev.phonehome.traffic.pii;

import java.util.List;

/** The typed detectors, in the order their hits are listed. */
final class TypedDetectors {
    private TypedDetectors() {
    }

    static List<TypedDetector> all() {
        return List.of(new ImeiDetector(), new MacAddressDetector(), new EmailDetector(), new PhoneNumberDetector(),
                new CoordinatePairDetector(), new AdvertisingIdDetector());
    }
}
