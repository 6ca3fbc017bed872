package dev.phonehome.core.kb;

/**
 * One name of the standard property vocabulary adapters map fields to (TrackHAR's).
 *
 * @param name   the property, e.g. {@code advertisingId}
 * @param label  English label
 * @param source id of the declaring source
 */
public record StandardProperty(String name, String label, String source) {
}
