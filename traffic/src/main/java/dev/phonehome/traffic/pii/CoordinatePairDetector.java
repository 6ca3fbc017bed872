package dev.phonehome.traffic.pii;

import dev.phonehome.core.device.PersonalDataType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code lat,lon} in decimal degrees with at least three decimals each (about 100 m), in range and
 * not {@code 0,0}. Coordinates sent under separate keys are found by {@link CoordinateKeys}.
 */
final class CoordinatePairDetector implements TypedDetector {
    private static final Pattern PAIR = Pattern.compile(
            "(?<![0-9.-])(-?[0-9]{1,2}\\.[0-9]{3,12}) ?, ?(-?[0-9]{1,3}\\.[0-9]{3,12})(?![0-9.])");

    @Override
    public void find(String key, ByteText text, Sink sink) {
        Matcher m = PAIR.matcher(text);
        while (m.find()) {
            if (CoordinateKeys.plausible(m.group(1), 90) && CoordinateKeys.plausible(m.group(2), 180)) {
                sink.match(PersonalDataType.LOCATION, "coordinate-pair", m.start(), m.end());
            }
        }
    }
}
