package dev.phonehome.core.device;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A latitude and longitude in decimal degrees, kept as written (no binary rounding), because the
 * matcher derives the shorter decimal forms a client may send from the exact digits.
 */
public record GeoPoint(BigDecimal latitude, BigDecimal longitude) {
    private static final BigDecimal MAX_LATITUDE = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LONGITUDE = BigDecimal.valueOf(180);

    public GeoPoint {
        Objects.requireNonNull(latitude, "latitude");
        Objects.requireNonNull(longitude, "longitude");
        if (latitude.abs().compareTo(MAX_LATITUDE) > 0 || longitude.abs().compareTo(MAX_LONGITUDE) > 0) {
            throw new IllegalArgumentException("coordinates out of range: " + latitude + "," + longitude);
        }
    }

    /** Parses {@code "lat,lon"} in decimal degrees, spaces allowed around the comma. */
    public static GeoPoint parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected \"latitude,longitude\", found " + parts.length + " parts");
        }
        try {
            return new GeoPoint(new BigDecimal(parts[0].strip()), new BigDecimal(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected decimal degrees \"latitude,longitude\"", e);
        }
    }

    @Override
    public String toString() {
        return latitude.toPlainString() + "," + longitude.toPlainString();
    }
}
