package dev.phonehome.traffic.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import dev.phonehome.core.device.PersonalDataType;

/**
 * Valid international numbers written with {@code +} (E.164 or formatted), found by
 * libphonenumber. Numbers without a country code are not guessed at: without the phone's region
 * any long digit run would qualify.
 */
final class PhoneNumberDetector implements TypedDetector {
    /** libphonenumber gives up on a text after this many candidate numbers. */
    private static final long MAX_TRIES = 1_000;

    @Override
    public void find(String key, ByteText text, Sink sink) {
        if (!contains(text, '+')) {
            return;
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (PhoneNumberMatch m : util.findNumbers(text, "ZZ", Leniency.VALID, MAX_TRIES)) {
            if (text.charAt(m.start()) == '+') {
                sink.match(PersonalDataType.PHONE, "e164", m.start(), m.end());
            }
        }
    }

    private static boolean contains(CharSequence text, char c) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return true;
            }
        }
        return false;
    }
}
