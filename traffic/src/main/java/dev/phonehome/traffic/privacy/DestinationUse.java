package dev.phonehome.traffic.privacy;

import dev.phonehome.traffic.destination.Destination;
import java.util.List;
import java.util.Objects;

/**
 * One destination of the capture and what was sent to it.
 *
 * @param destination      who runs the server, where, under which regime
 * @param exchanges        requests sent to it
 * @param requestBytes     request body bytes sent to it
 * @param apps             apps that sent them (when the capture attributes connections), sorted
 * @param trackers         SDKs (tracker ids) recognised in its requests, sorted
 * @param personalData     personal-data types found in its requests, sorted
 * @param encryptedPayload whether some request carried a payload the app encrypted inside TLS
 */
public record DestinationUse(Destination destination, long exchanges, long requestBytes, List<String> apps,
                             List<String> trackers, List<String> personalData, boolean encryptedPayload) {
    public DestinationUse {
        Objects.requireNonNull(destination, "destination");
        apps = List.copyOf(apps);
        trackers = List.copyOf(trackers);
        personalData = List.copyOf(personalData);
    }
}
