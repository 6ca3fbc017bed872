package dev.phonehome.traffic.pii;

import dev.phonehome.core.kb.IdentifierFacts;
import java.util.List;

/** The typed detectors, in the order their hits are listed. */
final class TypedDetectors {
    private TypedDetectors() {
    }

    static List<TypedDetector> all(IdentifierFacts facts) {
        return List.of(new ImeiDetector(facts.imeiReportingBodies()), new MacAddressDetector(), new EmailDetector(),
                new PhoneNumberDetector(), new CoordinatePairDetector(), new AdvertisingIdDetector());
    }
}
