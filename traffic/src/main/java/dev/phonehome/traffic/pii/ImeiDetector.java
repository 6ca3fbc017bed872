package dev.phonehome.traffic.pii;

import dev.phonehome.core.device.Luhn;
import dev.phonehome.core.device.PersonalDataType;
import java.util.Set;

/**
 * A run of exactly 15 digits that passes the Luhn check and starts with the reporting body of
 * nearly every phone TAC in use ({@code imei_reporting_bodies} of {@code kb/identifiers.json}: 01
 * PTCRB, 35 BABT, 86 TAF, 99 GHA). One random 15-digit number in 10 passes Luhn; four prefixes cut
 * that to 1 in 250, and ids, timestamps and amounts rarely start that way.
 */
final class ImeiDetector implements TypedDetector {
    private static final int LENGTH = 15;

    private final Set<String> reportingBodies;

    ImeiDetector(Set<String> reportingBodies) {
        this.reportingBodies = Set.copyOf(reportingBodies);
    }

    @Override
    public void find(String key, ByteText text, Sink sink) {
        int i = 0;
        while (i < text.length()) {
            if (!TextScan.digit(text, i)) {
                i++;
                continue;
            }
            int end = TextScan.digitsEnd(text, i);
            if (end - i == LENGTH) {
                String digits = text.subSequence(i, end).toString();
                if (reportingBodies.contains(digits.substring(0, 2)) && Luhn.isValid(digits)) {
                    sink.match(PersonalDataType.IMEI, "imei-luhn", i, end);
                }
            }
            i = end;
        }
    }
}
