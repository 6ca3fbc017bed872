package dev.phonehome.core.finding;

/**
 * How far the evidence of a finding goes, weakest first. Presence is not use: reports say
 * which level each finding reached and never claim more.
 */
public enum EvidenceLevel {
    /** The code or data exists in the app (a class, a string, a file). */
    PRESENT,
    /** App code outside the SDK or library calls into it: there is a call site. */
    REFERENCED,
    /** Seen in captured traffic. */
    OBSERVED,
    /** A traffic flow's endpoint or payload matches what static analysis found in the app. */
    LINKED
}
