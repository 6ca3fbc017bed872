package dev.phonehome.traffic.pii;

import dev.phonehome.core.device.PersonalDataType;

/**
 * {@code lat,lon} in decimal degrees (a space allowed either side of the comma) with 3 to 12
 * decimals each (3 is about 100 m), in range, not {@code 0,0}, and not part of a longer number.
 * Coordinates sent under separate keys are found by {@link CoordinateKeys}.
 */
final class CoordinatePairDetector implements TypedDetector {
    private static final int MIN_DECIMALS = 3;
    private static final int MAX_DECIMALS = 12;

    @Override
    public void find(String key, ByteText text, Sink sink) {
        for (int comma = 0; comma < text.length(); comma++) {
            if (text.charAt(comma) != ',') {
                continue;
            }
            int latEnd = TextScan.is(text, comma - 1, ' ') ? comma - 1 : comma;
            int lonStart = TextScan.is(text, comma + 1, ' ') ? comma + 2 : comma + 1;
            int latStart = decimalStart(text, latEnd, 2);
            int lonEnd = decimalEnd(text, lonStart, 3);
            if (latStart >= 0 && lonEnd >= 0
                    && CoordinateKeys.plausible(text.subSequence(latStart, latEnd).toString(), 90)
                    && CoordinateKeys.plausible(text.subSequence(lonStart, lonEnd).toString(), 180)) {
                sink.match(PersonalDataType.LOCATION, "coordinate-pair", latStart, lonEnd);
            }
        }
    }

    /** Where {@code -?d{1,maxInt}.d{3,12}} ending at {@code end} starts, or -1. */
    private static int decimalStart(CharSequence t, int end, int maxInt) {
        int pointAt = TextScan.digitsStart(t, end) - 1;
        int decimals = end - pointAt - 1;
        if (decimals < MIN_DECIMALS || decimals > MAX_DECIMALS || !TextScan.is(t, pointAt, '.')) {
            return -1;
        }
        int start = TextScan.digitsStart(t, pointAt);
        if (pointAt - start < 1 || pointAt - start > maxInt) {
            return -1;
        }
        if (TextScan.is(t, start - 1, '-')) {
            start--;
        }
        return TextScan.is(t, start - 1, '.') || TextScan.is(t, start - 1, '-') ? -1 : start;
    }

    /** Where {@code -?d{1,maxInt}.d{3,12}} starting at {@code start} ends, or -1. */
    private static int decimalEnd(CharSequence t, int start, int maxInt) {
        int i = TextScan.is(t, start, '-') ? start + 1 : start;
        int pointAt = TextScan.digitsEnd(t, i);
        if (pointAt - i < 1 || pointAt - i > maxInt || !TextScan.is(t, pointAt, '.')) {
            return -1;
        }
        int end = TextScan.digitsEnd(t, pointAt + 1);
        int decimals = end - pointAt - 1;
        if (decimals < MIN_DECIMALS || decimals > MAX_DECIMALS || TextScan.is(t, end, '.')) {
            return -1;
        }
        return end;
    }
}
