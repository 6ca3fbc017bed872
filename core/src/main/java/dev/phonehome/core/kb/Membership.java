package dev.phonehome.core.kb;

import java.util.List;

/**
 * A country's membership of the EEA (through the EU or the EEA Agreement) over a period.
 *
 * @param country    ISO 3166-1 alpha-2
 * @param basis      {@code EU} or {@code EEA-EFTA}
 * @param from       first day GDPR-area rules applied to it (ISO date)
 * @param until      last day, or null while a member
 * @param provenance sources
 */
public record Membership(String country, String basis, String from, String until, List<Provenance> provenance) {
    public Membership {
        provenance = provenance == null ? null : List.copyOf(provenance);
    }
}
