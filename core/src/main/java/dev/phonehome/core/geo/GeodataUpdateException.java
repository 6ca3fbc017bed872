package dev.phonehome.core.geo;

/** {@code phonehome data update} could not fetch, check or install a package; the message says which and why. */
public final class GeodataUpdateException extends Exception {
    public GeodataUpdateException(String message) {
        super(message);
    }

    public GeodataUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
