package dev.phonehome.traffic.pii;

import dev.phonehome.core.device.PersonalDataType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Six hex octets separated by {@code :} or {@code -}; bare 12-digit hex is too common to tell. */
final class MacAddressDetector implements TypedDetector {
    private static final Pattern MAC = Pattern.compile(
            "(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}(?![0-9A-Fa-f:-])");

    @Override
    public void find(String key, ByteText text, Sink sink) {
        Matcher m = MAC.matcher(text);
        while (m.find()) {
            sink.match(PersonalDataType.MAC_ADDRESS, "mac-address", m.start(), m.end());
        }
    }
}
