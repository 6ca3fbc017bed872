package dev.phonehome.assess.register;

/**
 * An accepted risk: the rule id and the risk's fingerprint it applies to, and why.
 *
 * @param id          rule id, e.g. {@code PH-SEC-002}
 * @param fingerprint the risk's fingerprint from an earlier assessment
 * @param reason      why the risk is accepted; shown wherever the risk is listed
 */
public record Suppression(String id, String fingerprint, String reason) {
}
