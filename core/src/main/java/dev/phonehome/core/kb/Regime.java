package dev.phonehome.core.kb;

/**
 * The GDPR transfer regime of a destination on a date.
 *
 * @param kind      the regime
 * @param decision  the adequacy decision in force, or null
 * @param condition what must hold for the decision to cover the recipient, or null
 */
public record Regime(Kind kind, AdequacyDecision decision, String condition) {
    /** Transfer regimes, from least to most restricted. */
    public enum Kind {
        /** The destination is in the EEA: no transfer rules apply. */
        EEA,
        /** An adequacy decision covers the recipient. */
        ADEQUATE,
        /** An adequacy decision exists but covers only some recipients, and whether this one is
         *  covered is not known (e.g. DPF certification not researched). */
        ADEQUATE_IF_IN_SCOPE,
        /** A third country: transfers need Art. 46-49 safeguards or derogations. */
        THIRD_COUNTRY
    }
}
