package dev.phonehome.traffic.privacy;

import dev.phonehome.core.device.PersonalDataType;
import dev.phonehome.traffic.pii.HitConfidence;
import java.util.Objects;
import java.util.Optional;

/**
 * One kind of personal data sent in one form, at one path, to one host, however often.
 *
 * @param type          what was sent
 * @param form          how it was written ({@code plain}, {@code sha256-hex}, {@code base64-shift-1}...)
 * @param path          where in the request ({@code raw} for the request bytes); array indices are
 *                      written {@code [*]}: every element of a batch is the same use
 * @param host          the destination host
 * @param profileKey    the {@code device.yaml} key whose value was found; empty for typed detections
 * @param confidence    how sure the match is
 * @param occurrences   times it was found
 * @param exchanges     requests it was found in
 * @param firstExchange the first of them in capture order, to cite
 */
public record PersonalDataUse(PersonalDataType type, String form, String path, String host,
                              Optional<String> profileKey, HitConfidence confidence, long occurrences, long exchanges,
                              String firstExchange) {
    public PersonalDataUse {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(firstExchange, "firstExchange");
    }
}
