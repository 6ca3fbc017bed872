package dev.phonehome.apk.manifest;

/** A {@code <uses-library>} or {@code <uses-feature>}: a name and whether the app needs it to install. */
public record Requirement(String name, boolean required) {
}
