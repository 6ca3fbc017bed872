package dev.phonehome.apk.resources;

import dev.phonehome.core.io.FormatException;

/** Helpers to re-raise a cursor's {@link FormatException} as a format-specific subclass. */
public final class FormatMessages {
    private FormatMessages() {
    }

    /** The message without the "structure at offset N: " prefix the constructor adds again. */
    public static String detail(FormatException e) {
        String prefix = e.structure() + " at offset " + e.offset() + ": ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
