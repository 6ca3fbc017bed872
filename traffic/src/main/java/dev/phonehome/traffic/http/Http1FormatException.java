package dev.phonehome.traffic.http;

import dev.phonehome.core.io.FormatException;

/** An HTTP/1.x message that cannot be parsed; the offset is in its direction's byte stream. */
public final class Http1FormatException extends FormatException {
    Http1FormatException(String structure, long offset, String message) {
        super(structure, offset, message);
    }
}
