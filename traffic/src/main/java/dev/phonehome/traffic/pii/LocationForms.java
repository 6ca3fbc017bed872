package dev.phonehome.traffic.pii;

import dev.phonehome.core.device.GeoPoint;
import dev.phonehome.core.device.PersonalDataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ways a client may send a location: each coordinate at 2 to 6 decimals, rounded or truncated,
 * the pair with a comma, and micro-degrees (the coordinate times 10^6 as an integer). A single
 * coordinate is a short number that also occurs by chance, so the matcher keeps a coordinate hit
 * only when the other coordinate of the same point is in the same exchange.
 */
final class LocationForms {
    static final String SOURCE = "location";
    static final String LATITUDE = "location.latitude";
    static final String LONGITUDE = "location.longitude";
    static final int MIN_DECIMALS = 2;
    static final int MAX_DECIMALS = 6;

    private static final BigDecimal MICRO = BigDecimal.valueOf(1_000_000);

    private LocationForms() {
    }

    static List<Variant> of(GeoPoint point) {
        Map<String, Variant> out = new LinkedHashMap<>();
        for (int d = MIN_DECIMALS; d <= MAX_DECIMALS; d++) {
            HitConfidence component = d <= 3 ? HitConfidence.MEDIUM : HitConfidence.HIGH;
            HitConfidence pair = d <= 2 ? HitConfidence.MEDIUM : HitConfidence.HIGH;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_UP, RoundingMode.DOWN}) {
                String form = "location-" + d + "-decimals" + (mode == RoundingMode.DOWN ? "-truncated" : "");
                String lat = point.latitude().setScale(d, mode).toPlainString();
                String lon = point.longitude().setScale(d, mode).toPlainString();
                add(out, new Variant(lat + "," + lon, SOURCE, PersonalDataType.LOCATION, form, Boundary.NUMBER, pair));
                add(out, new Variant(lat + ", " + lon, SOURCE, PersonalDataType.LOCATION, form, Boundary.NUMBER, pair));
                add(out, new Variant(lat, LATITUDE, PersonalDataType.LOCATION, form, Boundary.NUMBER, component));
                add(out, new Variant(lon, LONGITUDE, PersonalDataType.LOCATION, form, Boundary.NUMBER, component));
            }
        }
        add(out, new Variant(micro(point.latitude()), LATITUDE, PersonalDataType.LOCATION, "location-micro-degrees",
                Boundary.NUMBER, HitConfidence.HIGH));
        add(out, new Variant(micro(point.longitude()), LONGITUDE, PersonalDataType.LOCATION, "location-micro-degrees",
                Boundary.NUMBER, HitConfidence.HIGH));
        return new ArrayList<>(out.values());
    }

    /** True for the source of a single coordinate, which needs its partner to count. */
    static boolean isCoordinate(String source) {
        return source.equals(LATITUDE) || source.equals(LONGITUDE);
    }

    private static String micro(BigDecimal degrees) {
        return degrees.multiply(MICRO).setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    private static void add(Map<String, Variant> out, Variant v) {
        out.putIfAbsent(v.text(), v);
    }
}
