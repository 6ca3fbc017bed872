package dev.phonehome.traffic.adapter;

import java.util.List;
import java.util.Objects;

/**
 * An exchange recognised as one SDK's request.
 *
 * @param adapterId  the {@link dev.phonehome.core.kb.SdkAdapter} that matched
 * @param trackerId  the tracker that sends it
 * @param encrypted  parts the SDK encrypted inside TLS, in request order; empty when none
 * @param parameters every decoded value of the request as a parameter, in request order (the body's are
 *                   left out when the adapter says the whole body is encrypted)
 */
public record AdapterMatch(String adapterId, String trackerId, List<EncryptedPayload> encrypted,
                           List<SdkParameter> parameters) {
    public AdapterMatch {
        Objects.requireNonNull(adapterId, "adapterId");
        Objects.requireNonNull(trackerId, "trackerId");
        encrypted = List.copyOf(encrypted);
        parameters = List.copyOf(parameters);
    }

    /** Whether some of what was sent could not be read. */
    public boolean isEncrypted() {
        return !encrypted.isEmpty();
    }

    /** The parameters mapped to at least one standard property. */
    public List<SdkParameter> mapped() {
        return parameters.stream().filter(p -> !p.standardProperties().isEmpty()).toList();
    }
}
