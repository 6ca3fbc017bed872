package dev.phonehome.core.device;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.phonehome.core.Problem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises one identifier and warns when it does not look like what its key says. A warning
 * never drops the value: a tester who wrote a wrong IMEI still wants to know whether it was sent.
 */
final class IdentifierChecks {
    /** The code of a value that was kept although it does not have the expected format. */
    static final String MALFORMED = "device.value.malformed";
    /** The code of an IMEI or ICCID whose last digit is not its Luhn check digit. */
    static final String CHECK_DIGIT = "device.value.check-digit";
    /** The code of a value that was left out because it is a placeholder ({@link Placeholders}). */
    static final String PLACEHOLDER = "device.value.placeholder";

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}([:-]?)[0-9a-f]{2}(\\1[0-9a-f]{2}){4}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final String file;
    private final List<Problem> warnings;

    IdentifierChecks(String file, List<Problem> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    /** The normalised value, or empty when it is a placeholder. */
    Optional<String> check(PersonalDataType type, String key, String raw) {
        if (Placeholders.isPlaceholder(raw)) {
            warn(PLACEHOLDER, key, "\"" + raw + "\" is a placeholder, not an identifier; it is not searched for");
            return Optional.empty();
        }
        String v = raw.strip();
        return Optional.of(switch (type) {
            case IMEI -> imei(key, digits(v));
            case ICCID -> iccid(key, digits(v));
            case IMSI -> expect(key, digits(v), DIGITS, 6, 15, "6 to 15 digits (MCC, MNC, MSIN)");
            case MEID -> expect(key, digits(v).toLowerCase(Locale.ROOT), HEX, 14, 14, "14 hex digits");
            case ANDROID_ID -> expect(key, v.toLowerCase(Locale.ROOT), HEX, 16, 16, "16 hex digits");
            case ADVERTISING_ID -> expect(key, v.toLowerCase(Locale.ROOT), UUID, 36, 36, "a UUID");
            case OAID -> oaid(key, v.toLowerCase(Locale.ROOT));
            case WIFI_MAC, BT_MAC, MAC_ADDRESS -> mac(key, v.toLowerCase(Locale.ROOT));
            case PHONE -> phone(key, v);
            case EMAIL -> expect(key, v, EMAIL, 3, 320, "an e-mail address");
            default -> v;
        });
    }

    private String imei(String key, String v) {
        if (!DIGITS.matcher(v).matches() || (v.length() != 14 && v.length() != 15)) {
            warn(MALFORMED, key, "\"" + v + "\" is not an IMEI: expected 15 digits (14 without the check digit)");
        } else if (v.length() == 15 && !Luhn.isValid(v)) {
            warn(CHECK_DIGIT, key, "\"" + v + "\" fails the Luhn check; expected last digit "
                    + Luhn.checkDigit(v.substring(0, 14)));
        }
        return v;
    }

    private String iccid(String key, String v) {
        expect(key, v, DIGITS, 18, 22, "18 to 22 digits");
        if (DIGITS.matcher(v).matches() && v.length() >= 19 && !Luhn.isValid(v)) {
            warn(CHECK_DIGIT, key, "\"" + v + "\" fails the Luhn check of ICCIDs");
        }
        return v;
    }

    private String oaid(String key, String v) {
        boolean hex = HEX.matcher(v).matches() && v.length() >= 16 && v.length() <= 64;
        if (!hex && !UUID.matcher(v).matches()) {
            warn(MALFORMED, key, "\"" + v + "\" is not an OAID: expected a UUID or 16 to 64 hex digits");
        }
        return v;
    }

    /** A MAC in any of the usual spellings becomes lower case with colons. */
    private String mac(String key, String v) {
        if (!MAC.matcher(v).matches()) {
            warn(MALFORMED, key, "\"" + v + "\" is not a MAC address: expected six hex octets");
            return v;
        }
        String bare = v.replaceAll("[:-]", "");
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            out.append(i == 0 ? "" : ":").append(bare, i, i + 2);
        }
        return out.toString();
    }

    private String phone(String key, String v) {
        if (!v.startsWith("+")) {
            warn(MALFORMED, key, "\"" + v + "\" has no country code (+...); it is searched for only as written");
            return v;
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            PhoneNumber number = util.parse(v, "ZZ");
            if (!util.isValidNumber(number)) {
                warn(MALFORMED, key, "\"" + v + "\" is not a valid number for country code +" + number.getCountryCode()
                        + "; it is still searched for in its E.164 and national forms");
            }
        } catch (NumberParseException e) {
            warn(MALFORMED, key, "\"" + v + "\" is not a phone number (" + e.getMessage()
                    + "); it is searched for only as written");
        }
        return v;
    }

    private String expect(String key, String v, Pattern format, int min, int max, String what) {
        if (v.length() < min || v.length() > max || !format.matcher(v).matches()) {
            warn(MALFORMED, key, "\"" + v + "\" does not look right: expected " + what);
        }
        return v;
    }

    private static String digits(String v) {
        return SEPARATORS.matcher(v).replaceAll("");
    }

    private void warn(String code, String key, String message) {
        warnings.add(new Problem(code, file + ": " + key, message));
    }
}
