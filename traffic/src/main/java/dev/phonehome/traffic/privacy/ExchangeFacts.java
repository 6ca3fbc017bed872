package dev.phonehome.traffic.privacy;

import dev.phonehome.core.Problem;
import dev.phonehome.traffic.adapter.AdapterMatch;
import dev.phonehome.traffic.decode.DecodedPayload;
import dev.phonehome.traffic.destination.Destination;
import dev.phonehome.traffic.pii.PersonalDataHit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one request sent and where it went.
 *
 * @param exchangeId   the traffic exchange's stable id
 * @param payload      the request decoded into leaves with cited paths
 * @param sdk          the SDK adapter that recognised the request, when one did
 * @param personalData personal data found in the request, in the matcher's order
 * @param destination  who runs the server, where, under which regime
 * @param problems     decoding and matching problems of this request
 */
public record ExchangeFacts(String exchangeId, DecodedPayload payload, Optional<AdapterMatch> sdk,
                            List<PersonalDataHit> personalData, Destination destination, List<Problem> problems) {
    public ExchangeFacts {
        Objects.requireNonNull(exchangeId, "exchangeId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(destination, "destination");
        personalData = List.copyOf(personalData);
        problems = List.copyOf(problems);
    }

    /** Whether part of what was sent is encrypted inside TLS by the app, so it could not be read. */
    public boolean encryptedPayload() {
        return sdk.map(AdapterMatch::isEncrypted).orElse(false);
    }
}
