/**
 * Static detectors: small classes behind {@link dev.phonehome.apk.detect.Detector}, each turning
 * what the APK readers decoded into {@link dev.phonehome.core.finding.Finding}s with evidence.
 * {@link dev.phonehome.apk.detect.Detectors} lists them in the order they run.
 */
package dev.phonehome.apk.detect;
