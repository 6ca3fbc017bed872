package dev.phonehome.core.kb;

import java.util.List;

/**
 * An Android platform permission as the framework declares it.
 *
 * @param name       e.g. {@code android.permission.READ_CONTACTS}
 * @param protection base protection level: {@code normal}, {@code dangerous}, {@code signature}
 *                   or {@code signatureOrSystem}
 * @param flags      protection flags, e.g. {@code privileged}, {@code appop}, {@code development}
 * @param group      permission group, or null
 * @param provenance where the framework declares it
 */
public record Permission(String name, String protection, List<String> flags, String group,
                         List<Provenance> provenance) {
    public Permission {
        flags = flags == null ? List.of() : List.copyOf(flags);
        provenance = provenance == null ? null : List.copyOf(provenance);
    }

    /** Runtime permissions a user must grant. */
    public boolean isDangerous() {
        return "dangerous".equals(protection);
    }
}
