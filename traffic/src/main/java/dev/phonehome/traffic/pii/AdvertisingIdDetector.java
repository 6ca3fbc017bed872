package dev.phonehome.traffic.pii;

import dev.phonehome.core.device.PersonalDataType;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A UUID sent under a key named like an advertising ID ({@code adid}, {@code gaid},
 * {@code advertising_id}, {@code idfa}, {@code oaid}...). A UUID elsewhere is as likely a session
 * or install id, so the key decides.
 */
final class AdvertisingIdDetector implements TypedDetector {
    private static final Pattern UUID = Pattern.compile(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    private static final int UUID_LENGTH = 36;
    private static final Set<String> AD_ID_KEYS = Set.of("adid", "adsid", "gadid", "gaid", "aaid", "idfa",
            "advertisingid", "advertiserid", "googleadid", "googleadvertisingid", "advertisingidentifier",
            "oaid");

    @Override
    public void find(String key, ByteText text, Sink sink) {
        if (text.length() != UUID_LENGTH) {
            return;
        }
        String normal = LeafKeys.normal(key);
        if (AD_ID_KEYS.contains(normal) && UUID.matcher(text).matches()) {
            PersonalDataType type = normal.equals("oaid") ? PersonalDataType.OAID : PersonalDataType.ADVERTISING_ID;
            sink.match(type, "uuid-under-ad-id-key", 0, text.length());
        }
    }
}
