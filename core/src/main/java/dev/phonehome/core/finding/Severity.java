package dev.phonehome.core.finding;

/** How much a finding matters, lowest first; {@code --fail-on} compares against it. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
