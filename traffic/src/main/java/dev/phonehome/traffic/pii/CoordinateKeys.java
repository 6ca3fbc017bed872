package dev.phonehome.traffic.pii;

import dev.phonehome.traffic.decode.DecodedValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A latitude and a longitude sent as sibling keys ({@code lat}/{@code lng}, {@code latitude}/
 * {@code longitude}...) with decimal values in range: a location found without a profile.
 */
final class CoordinateKeys {
    private static final Set<String> LATITUDE = Set.of("lat", "latitude", "gpslat", "gpslatitude");
    private static final Set<String> LONGITUDE = Set.of("lon", "lng", "long", "longitude", "gpslon", "gpslng",
            "gpslongitude");

    /** Longer text is not a coordinate, and parsing huge digit runs would cost more than linear time. */
    private static final int MAX_NUMBER_CHARS = 32;

    private CoordinateKeys() {
    }

    /** The leaves of each pair found, latitude first. */
    static List<DecodedValue> pairs(List<DecodedValue> leaves) {
        Map<String, DecodedValue[]> byParent = new LinkedHashMap<>();
        for (DecodedValue leaf : leaves) {
            String key = LeafKeys.normal(LeafKeys.lastKey(leaf.path()));
            int slot = LATITUDE.contains(key) ? 0 : LONGITUDE.contains(key) ? 1 : -1;
            if (slot >= 0 && plausible(leaf.value(), slot == 0 ? 90 : 180)) {
                byParent.computeIfAbsent(LeafKeys.parent(leaf.path()), p -> new DecodedValue[2])[slot] = leaf;
            }
        }
        List<DecodedValue> out = new ArrayList<>();
        for (DecodedValue[] pair : byParent.values()) {
            if (pair[0] != null && pair[1] != null) {
                out.add(pair[0]);
                out.add(pair[1]);
            }
        }
        return out;
    }

    /** A decimal with at least two decimals, not zero, within {@code ±max} degrees. */
    static boolean plausible(String text, int max) {
        if (text.length() > MAX_NUMBER_CHARS) {
            return false;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        return d.scale() >= 2 && d.signum() != 0 && d.abs().compareTo(BigDecimal.valueOf(max)) <= 0;
    }
}
