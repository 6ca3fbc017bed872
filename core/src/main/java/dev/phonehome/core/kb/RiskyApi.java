package dev.phonehome.core.kb;

import java.util.List;

/**
 * A method or field whose use gives an app a {@link Capability}.
 *
 * @param capability id of the capability
 * @param className  declaring class in DEX descriptor form, e.g. {@code Landroid/telephony/SmsManager;}
 * @param member     method or field name
 * @param descriptor DEX method descriptor, field type, or {@code *} for any overload
 * @param kind       method or field
 * @param role       {@code use} when the call exercises the capability, {@code acquisition} when
 *                   it obtains the object that does (e.g. {@code SmsManager.getDefault})
 * @param argument   constant-argument condition, or null when any call counts
 * @param provenance sources, usually the Android API reference page
 */
public record RiskyApi(String capability, String className, String member, String descriptor, Kind kind,
                       String role, ArgumentCondition argument, List<Provenance> provenance) {
    public RiskyApi {
        provenance = provenance == null ? null : List.copyOf(provenance);
    }

    /** Whether the member is a method or a field. */
    public enum Kind {
        METHOD, FIELD
    }

    /** Whether a reference with this DEX descriptor is covered ({@code *} covers all overloads). */
    public boolean coversDescriptor(String referenceDescriptor) {
        return "*".equals(descriptor) || descriptor.equals(referenceDescriptor);
    }
}
