package dev.phonehome.core.kb;

import java.util.List;

/**
 * What an app can do or read through a group of risky APIs.
 *
 * @param id          stable id, e.g. {@code send_sms}
 * @param title       short English description
 * @param dataType    personal-data property produced (TrackHAR's standard property name where one
 *                    exists, e.g. {@code advertisingId}), or null for actions
 * @param permissions Android permissions needed (any of them suffices), empty if none
 * @param severity    how much a use matters, before context
 * @param provenance  sources
 */
public record Capability(String id, String title, String dataType, List<String> permissions,
                         SeverityHint severity, List<Provenance> provenance) {
    public Capability {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        provenance = provenance == null ? null : List.copyOf(provenance);
    }
}
