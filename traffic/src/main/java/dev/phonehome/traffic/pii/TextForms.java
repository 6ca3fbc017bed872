package dev.phonehome.traffic.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.phonehome.core.device.Luhn;
import dev.phonehome.core.device.ProfileValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ways a client may spell one identifier as text: as written, upper and lower case, and the
 * spellings particular to its type (MAC separators, IMEI check digit, phone number formats,
 * UUIDs without hyphens). Each spelling is later hashed and encoded by {@link DerivedForms}.
 */
final class TextForms {
    static final String PLAIN = "plain";

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private TextForms() {
    }

    /** The spellings of {@code value}, the value as written first, without repeats. */
    static List<Variant> of(ProfileValue value) {
        String v = value.value();
        Boundary boundary = DIGITS.matcher(v.replace("+", "")).matches() ? Boundary.DIGITS : Boundary.NONE;
        Variant plain = new Variant(v, value.key(), value.type(), PLAIN, boundary, HitConfidence.HIGH);
        Map<String, Variant> forms = new LinkedHashMap<>();
        add(forms, plain);
        switch (value.type()) {
            case IMEI -> imei(forms, plain);
            case WIFI_MAC, BT_MAC, MAC_ADDRESS -> mac(forms, plain);
            case ADVERTISING_ID, OAID -> uuid(forms, plain);
            case PHONE -> phone(forms, plain);
            default -> {
            }
        }
        for (Variant f : List.copyOf(forms.values())) {
            String suffix = f.form().equals(PLAIN) ? "" : "-";
            String base = f.form().equals(PLAIN) ? "" : f.form();
            add(forms, with(f, f.text().toUpperCase(Locale.ROOT), base + suffix + "upper-case"));
            add(forms, with(f, f.text().toLowerCase(Locale.ROOT), base + suffix + "lower-case"));
        }
        return List.copyOf(forms.values());
    }

    private static void imei(Map<String, Variant> forms, Variant plain) {
        String v = plain.text();
        if (!DIGITS.matcher(v).matches()) {
            return;
        }
        if (v.length() == 15) {
            add(forms, with(plain, v.substring(0, 14), "imei-without-check-digit"));
        } else if (v.length() == 14) {
            add(forms, with(plain, v + Luhn.checkDigit(v), "imei-with-check-digit"));
        }
    }

    private static void mac(Map<String, Variant> forms, Variant plain) {
        if (MAC.matcher(plain.text()).matches()) {
            add(forms, with(plain, plain.text().replace(':', '-'), "hyphen-separated"));
            add(forms, with(plain, plain.text().replace(":", ""), "no-separator"));
        }
    }

    private static void uuid(Map<String, Variant> forms, Variant plain) {
        if (UUID.matcher(plain.text()).matches()) {
            add(forms, with(plain, plain.text().replace("-", ""), "no-hyphens"));
        }
    }

    /** E.164 with and without {@code +}, with {@code 00}, national forms, and the formats libphonenumber prints. */
    private static void phone(Map<String, Variant> forms, Variant plain) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumber number;
        try {
            number = util.parse(plain.text(), "ZZ");
        } catch (NumberParseException e) {
            return;
        }
        String e164 = util.format(number, PhoneNumberFormat.E164);
        String national = util.format(number, PhoneNumberFormat.NATIONAL);
        List<Variant> out = new ArrayList<>();
        out.add(with(plain, e164, "e164"));
        out.add(with(plain, e164.substring(1), "e164-without-plus"));
        out.add(with(plain, "00" + e164.substring(1), "international-00"));
        out.add(with(plain, national.replaceAll("\\D", ""), "national"));
        out.add(with(plain, util.getNationalSignificantNumber(number), "national-significant"));
        out.add(with(plain, util.format(number, PhoneNumberFormat.INTERNATIONAL), "international-formatted"));
        out.add(with(plain, national, "national-formatted"));
        out.forEach(f -> add(forms, f));
    }

    private static Variant with(Variant plain, String text, String form) {
        Boundary boundary = plain.boundary() == Boundary.DIGITS && DIGITS.matcher(text.replace("+", "")).matches()
                ? Boundary.DIGITS : Boundary.NONE;
        return new Variant(text, plain.source(), plain.type(), form, boundary, plain.confidence());
    }

    /** Keeps the first form of each text: the value as written wins over the same text reached another way. */
    private static void add(Map<String, Variant> forms, Variant v) {
        forms.putIfAbsent(v.text(), v);
    }
}
