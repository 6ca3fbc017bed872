package dev.phonehome.core.kb;

import java.util.List;

/**
 * A company or body that owns trackers, SDKs or servers.
 *
 * @param id           stable slug, e.g. {@code alibaba}
 * @param name         legal or usual name
 * @param parent       id of the parent organisation, or null
 * @param country      headquarters, ISO 3166-1 alpha-2, or null when unknown
 * @param dpfCertified whether the organisation is certified under the EU-US Data Privacy
 *                     Framework; null when not researched
 * @param provenance   where the facts come from
 */
public record Organisation(String id, String name, String parent, String country, Boolean dpfCertified,
                           List<Provenance> provenance) {
    public Organisation {
        provenance = provenance == null ? null : List.copyOf(provenance);
    }
}
