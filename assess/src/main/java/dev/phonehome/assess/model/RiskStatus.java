package dev.phonehome.assess.model;

/** Whether a risk counts, or was accepted by the suppression file (and stays listed as such). */
public enum RiskStatus {
    OPEN,
    SUPPRESSED
}
