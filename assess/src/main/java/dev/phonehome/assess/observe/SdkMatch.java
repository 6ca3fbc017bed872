package dev.phonehome.assess.observe;

import java.util.Comparator;
import java.util.Optional;

/**
 * A request recognised as an SDK's.
 *
 * @param tracker         knowledge-base tracker id
 * @param adapter         id of the SDK adapter that decoded the request, when one did
 * @param encryptedScheme the SDK's app-layer encryption of the payload, when it uses one
 * @param signature       the network signature that matched (a domain suffix or host regex)
 */
public record SdkMatch(String tracker, Optional<String> adapter, Optional<String> encryptedScheme,
                       String signature) implements Comparable<SdkMatch> {
    private static final Comparator<SdkMatch> ORDER = Comparator.comparing(SdkMatch::tracker)
            .thenComparing(SdkMatch::signature)
            .thenComparing(s -> s.adapter().orElse(""));

    @Override
    public int compareTo(SdkMatch o) {
        return ORDER.compare(this, o);
    }
}
