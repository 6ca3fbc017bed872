package dev.phonehome.apk.resources;

import dev.phonehome.core.io.FormatException;

/** A resources.arsc resource table that cannot be read at all. */
public final class ArscFormatException extends FormatException {
    public ArscFormatException(String structure, long offset, String message) {
        super(structure, offset, message);
    }
}
