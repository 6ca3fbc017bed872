package dev.phonehome.apk.signing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The source stamp an app store adds to say it distributed the APK (Play adds one).
 *
 * @param certificate the stamp signer, absent when the stamp block is malformed
 * @param status      apksig's verification status, e.g. {@code STAMP_VERIFIED}
 * @param timestamp   when the stamp was made, when it says
 */
public record SourceStamp(Optional<CertificateInfo> certificate, String status, Optional<Instant> timestamp) {
    public SourceStamp {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
