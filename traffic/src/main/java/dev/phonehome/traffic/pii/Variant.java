package dev.phonehome.traffic.pii;

import dev.phonehome.core.device.PersonalDataType;
import java.util.Objects;

/**
 * One spelling of one profile value that the matcher searches for.
 *
 * @param text       the exact text to find
 * @param source     the profile key of the value, e.g. {@code imei2}
 * @param type       what the value is
 * @param form       how {@code text} was derived from the value, e.g. {@code sha256-hex}
 * @param boundary   what may not touch the text on either side for it to count
 * @param confidence how sure a match is to be that value
 */
record Variant(String text, String source, PersonalDataType type, String form, Boundary boundary,
               HitConfidence confidence) {
    Variant {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(boundary, "boundary");
        Objects.requireNonNull(confidence, "confidence");
    }

    /** The same value and source in another form. */
    Variant derive(String derivedText, String derivedForm) {
        return new Variant(derivedText, source, type, derivedForm, Boundary.NONE, confidence);
    }
}
