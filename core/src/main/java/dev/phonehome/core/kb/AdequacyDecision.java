package dev.phonehome.core.kb;

import java.util.List;

/**
 * A European Commission adequacy decision under GDPR Art. 45 (or its Directive 95/46 predecessor).
 *
 * @param country       ISO 3166-1 alpha-2, or null for an international organisation
 * @param entity        the country or body as the decision names it
 * @param decision      the decision's reference, e.g. {@code (EU) 2023/1795}
 * @param from          date it took effect (ISO)
 * @param until         last day it applies (expiry or invalidation), or null
 * @param scope         which recipients it covers
 * @param provenance    sources
 */
public record AdequacyDecision(String country, String entity, String decision, String from, String until,
                               Scope scope, List<Provenance> provenance) {
    public AdequacyDecision {
        provenance = provenance == null ? null : List.copyOf(provenance);
    }

    /** Recipients a decision covers. */
    public enum Scope {
        /** Every recipient in the country. */
        ALL,
        /** Only organisations subject to the country's commercial-sector law (Canada's PIPEDA). */
        COMMERCIAL_ORGANISATIONS,
        /** Only organisations that self-certified under the EU-US framework of the day. */
        CERTIFIED_ORGANISATIONS
    }
}
