package dev.phonehome.assess.model;

import dev.phonehome.core.finding.EvidenceLevel;
import java.util.Comparator;
import java.util.Optional;

/**
 * Why an exchange is attributed to an app or an SDK, and how strongly.
 *
 * @param basis    what the link rests on
 * @param app      the app it names, when it names one
 * @param tracker  the tracker (SDK) it names, when it names one
 * @param level    {@code OBSERVED} for what traffic alone shows (capture attribution, a tracker's
 *                 domain), {@code LINKED} when an app's static evidence matches the exchange
 * @param finding  fingerprint of the static finding that matched, for {@code LINKED}
 * @param evidence what matched, e.g. {@code host sa.api.intl.miui.com is named in classes.dex L…;->send(…)}
 */
public record Link(Basis basis, Optional<String> app, Optional<String> tracker, EvidenceLevel level,
                   Optional<String> finding, String evidence) implements Comparable<Link> {

    /** Kinds of link, strongest first within a level. */
    public enum Basis {
        /** An app's code names the exchange's host ({@code endpoint.domain} evidence). */
        STATIC_ENDPOINT,
        /** The host belongs to a tracker whose SDK an app embeds ({@code tracker.sdk}). */
        STATIC_SDK,
        /** An SDK adapter recognised the request's endpoint and format. */
        SDK_ADAPTER,
        /** The capture records which app owned the connection (PCAPdroid). */
        CAPTURE_ATTRIBUTION,
        /** The host matches a tracker's network signature in the knowledge base. */
        NETWORK_SIGNATURE
    }

    private static final Comparator<Link> ORDER = Comparator.comparing(Link::level).reversed()
            .thenComparing(Link::basis)
            .thenComparing(l -> l.app().orElse(""))
            .thenComparing(l -> l.tracker().orElse(""))
            .thenComparing(Link::evidence);

    @Override
    public int compareTo(Link o) {
        return ORDER.compare(this, o);
    }
}
