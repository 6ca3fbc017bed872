package dev.phonehome.traffic.pii;

import java.util.List;

/**
 * A single coordinate of the profile's location is a short number that also occurs by chance, so
 * its hits stand only when the other coordinate was found in the same exchange too.
 */
final class LocationPairs {
    private LocationPairs() {
    }

    static List<PersonalDataHit> keepPaired(List<PersonalDataHit> hits) {
        boolean latitude = hits.stream().anyMatch(h -> h.profileKey().filter(LocationForms.LATITUDE::equals).isPresent());
        boolean longitude = hits.stream().anyMatch(h -> h.profileKey().filter(LocationForms.LONGITUDE::equals).isPresent());
        if (latitude == longitude) {
            return hits;
        }
        return hits.stream().filter(h -> h.profileKey().filter(LocationForms::isCoordinate).isEmpty()).toList();
    }
}
