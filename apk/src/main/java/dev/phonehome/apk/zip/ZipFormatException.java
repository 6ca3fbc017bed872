package dev.phonehome.apk.zip;

import dev.phonehome.core.io.FormatException;

/**
 * A ZIP/APK container the reader refuses, or one entry whose data cannot be delivered. The
 * {@link #code()} is stable (e.g. {@code zip.crc-mismatch}) so callers can record it as a
 * {@link dev.phonehome.core.Problem} for the entry and carry on with its siblings.
 */
public final class ZipFormatException extends FormatException {
    private final String code;

    public ZipFormatException(String code, String structure, long offset, String message) {
        super(structure, offset, message);
        this.code = code;
    }

    /** Re-codes a bounds error raised by a {@link dev.phonehome.core.io.ByteCursor}. */
    static ZipFormatException of(String code, FormatException cause) {
        ZipFormatException e = new ZipFormatException(code, cause.structure(), cause.offset(), causeMessage(cause));
        e.initCause(cause);
        return e;
    }

    private static String causeMessage(FormatException cause) {
        String full = cause.getMessage();
        String prefix = cause.structure() + " at offset " + cause.offset() + ": ";
        return full.startsWith(prefix) ? full.substring(prefix.length()) : full;
    }

    /** Stable machine-readable code, e.g. {@code zip.no-end-of-central-directory}. */
    public String code() {
        return code;
    }
}
