package dev.phonehome.traffic.pii;

import dev.phonehome.core.device.PersonalDataType;
import java.util.Objects;
import java.util.Optional;

/**
 * Personal data found in one request.
 *
 * @param exchangeId the exchange the request belongs to
 * @param type       what was found
 * @param form       how it was written, e.g. {@code plain}, {@code sha256-hex}, {@code base64-shift-1},
 *                   {@code url-encoded}, {@code imei-without-check-digit}, {@code location-4-decimals};
 *                   typed detections name their shape ({@code imei-luhn}, {@code mac-address}...)
 * @param path       the decoded leaf it was found in ({@code body > form:data_list > base64 > gzip >
 *                   json[0].distinct_id}), or {@value PersonalDataMatcher#RAW} for the raw request bytes
 * @param offset     byte offset of the match within the leaf's value (UTF-8; decoded bytes for binary
 *                   leaves) or within the raw request
 * @param profileKey the {@code device.yaml} key of the value found, e.g. {@code imei2}, {@code honey[3]},
 *                   {@code location.latitude}; empty for a typed detection without a profile value
 * @param matched    the text found, as sent
 * @param confidence how sure the hit is
 */
public record PersonalDataHit(String exchangeId, PersonalDataType type, String form, String path, long offset,
                              Optional<String> profileKey, String matched, HitConfidence confidence) {
    public PersonalDataHit {
        Objects.requireNonNull(exchangeId, "exchangeId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(profileKey, "profileKey");
        Objects.requireNonNull(matched, "matched");
        Objects.requireNonNull(confidence, "confidence");
    }
}
