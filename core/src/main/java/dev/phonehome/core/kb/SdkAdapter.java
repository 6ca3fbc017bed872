package dev.phonehome.core.kb;

import java.util.List;
import java.util.Optional;

/**
 * How one SDK endpoint sends data: where requests go, how the payload is encoded and which of its
 * fields carry which standard property.
 *
 * @param id            stable slug, {@code tracker-ish/endpoint-ish} (TrackHAR adapters keep their ids)
 * @param tracker       id of the {@link Tracker} that sends it
 * @param name          display name
 * @param endpoints     where requests go; a request matching any one belongs to this adapter
 * @param decoding      the layers the payload is expected to have, for readers and reports
 * @param encryptedBody scheme of app-layer encryption of the whole body (e.g. {@code xiaomi-onetrack}), or null
 * @param fields        field selectors and the standard property each carries
 * @param notes         caveats of the sources or the import
 * @param provenance    sources of the entry
 */
public record SdkAdapter(String id, String tracker, String name, List<AdapterEndpoint> endpoints,
                         List<DecodingStep> decoding, String encryptedBody, List<FieldMapping> fields,
                         List<String> notes, List<Provenance> provenance) {
    public SdkAdapter {
        endpoints = endpoints == null ? null : List.copyOf(endpoints);
        decoding = decoding == null ? List.of() : List.copyOf(decoding);
        fields = fields == null ? List.of() : List.copyOf(fields);
        notes = notes == null ? List.of() : List.copyOf(notes);
        provenance = provenance == null ? null : List.copyOf(provenance);
    }

    /** The scheme when the SDK encrypts its whole body inside TLS. */
    public Optional<String> encryptedScheme() {
        return Optional.ofNullable(encryptedBody);
    }
}
