package dev.phonehome.apk.dex;

import dev.phonehome.core.io.FormatException;

/** A DEX file (or one DEX of a v41 container) whose structure cannot be read. */
public final class DexFormatException extends FormatException {
    private static final long serialVersionUID = 1L;

    public DexFormatException(String structure, long offset, String message) {
        super(structure, offset, message);
    }

    /** {@code e} itself if it already is one, else a DEX exception with the same structure, offset and message. */
    static DexFormatException of(FormatException e) {
        return e instanceof DexFormatException dex ? dex : new DexFormatException(e);
    }

    private DexFormatException(FormatException cause) {
        super(cause.structure(), cause.offset(), stripPrefix(cause), cause);
    }

    private static String stripPrefix(FormatException cause) {
        String prefix = cause.structure() + " at offset " + cause.offset() + ": ";
        String message = cause.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
