package dev.phonehome.traffic.decode;

import dev.phonehome.core.io.FormatException;

/** A value a decoder accepted in its probe turned out malformed; the structure names the decoder's format. */
public final class PayloadFormatException extends FormatException {
    public PayloadFormatException(String structure, long offset, String message) {
        super(structure, offset, message);
    }

    public PayloadFormatException(String structure, long offset, String message, Throwable cause) {
        super(structure, offset, message, cause);
    }
}
