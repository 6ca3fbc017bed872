package dev.phonehome.apk.signing;

import java.util.Objects;

/**
 * A signing certificate the knowledge file recognises.
 *
 * @param name   stable name, e.g. {@code aosp-platform}
 * @param kind   why the key matters
 * @param source where the fact comes from: repository, commit and path, or upstream tool
 */
public record KnownKey(String name, Kind kind, String source) {
    /** What a recognised key says about the APK it signed. */
    public enum Kind {
        /** An AOSP test key: its private key is public, anyone can sign with it. */
        AOSP_TEST_KEY,
        /** The Android SDK debug certificate: a development build, never meant for release. */
        DEBUG
    }

    public KnownKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }
}
