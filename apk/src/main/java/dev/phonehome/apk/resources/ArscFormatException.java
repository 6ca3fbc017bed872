package dev.phonehome.apk.resources;

import dev.phonehome.core.io.FormatException;

/** A resources.arsc resource table that cannot be read at all. */
public final class ArscFormatException extends FormatException {
    public ArscFormatException(String structure, long offset, String message) {
        super(structure, offset, message);
    }

    /** The same error, as this format's exception. */
    static ArscFormatException wrap(FormatException e) {
        ArscFormatException wrapped = new ArscFormatException(e.structure(), e.offset(), FormatMessages.detail(e));
        wrapped.initCause(e);
        return wrapped;
    }
}
